"""Demo content of the projects register and the cooperation finder: projects in every demo
city, needs on several goals and the standing offers of demo firms and intermediaries, so that
the finder shows meaningful suggestions out of the box. Loaded through the projects services."""

from datetime import date as D

from goals.choices import Area as A
from goals.models import Goal
from partnerships.choices import ContributionKind as K
from projects.choices import BudgetBand as B
from projects.choices import Magnitude as M
from projects.choices import ProjectState as S
from projects.choices import Visibility as V
from projects.models import ContributionOffer, Need, Project
from projects.services import need_add, offer_create, project_create

PROJECTS = [
    # (organisation, title, area, territory, state, visibility, budget, groups, partners,
    #  starts_on, summary, results, lessons)
    ("saint-denis", "Médiateurs de nuit autour de la gare", A.INTERVENTION_PROJECTS, "Saint-Denis",
     S.RUNNING, V.PUBLIC, B.FROM_50K, ["commuters", "night-workers"], ["securite-plaine"],
     D(2025, 9, 1), "Six médiateurs sillonnent le parvis et les quais de 20 h à 2 h, du jeudi au "
     "samedi, en lien avec la police municipale et le transporteur.", "", ""),
    ("aubervilliers", "Marches exploratoires de femmes au Fort", A.PRODUCTION_OF_INFORMATION,
     "Aubervilliers", S.COMPLETED, V.PUBLIC, B.UNDER_50K, ["women", "residents"],
     ["femmes-plaine"], D(2024, 3, 1), "Des habitantes parcourent le quartier du Fort la nuit et "
     "relèvent éclairage, recoins et trajets évités.",
     "42 points relevés, 30 traités par la Ville en un an.",
     "Restituer vite aux participantes ce qui a été fait, sinon la mobilisation retombe."),
    ("gent", "Station district night stewards", A.INTERVENTION_PROJECTS, "Gent", S.COMPLETED,
     V.PUBLIC, B.FROM_250K, ["commuters", "young-people"], ["kouter-retail"], D(2023, 10, 1),
     "Hosts in the station district welcome late travellers and defuse conflicts.",
     "Reported aggression down 28 % over two winters.",
     "Recruit stewards from the neighbourhood and train them with the police zone."),
    ("liege", "Label « Nuit apaisée » des établissements", A.OTHER, "Liège", S.RUNNING, V.NETWORK,
     B.UNDER_50K, ["young-people"], ["carre-nuit"], D(2025, 2, 1),
     "Une charte signée par les bars du Carré : formation du personnel, eau gratuite, "
     "raccompagnement.", "", ""),
    ("barcelona", "Pickpocketing hot-spot mapping", A.PRODUCTION_OF_INFORMATION, "Barcelona",
     S.COMPLETED, V.PUBLIC, B.FROM_50K, ["residents"], ["hotels-ciutat-vella"], D(2024, 1, 15),
     "Hotels, shops and the Guàrdia Urbana pool anonymised reports on one shared map.",
     "Patrols moved to four hot spots; reports there fell by a fifth.",
     "Agree on the anonymisation rules before the first data arrive."),
    ("bologna", "Serate sicure in zona universitaria", A.INTERVENTION_PROJECTS, "Bologna",
     S.PLANNED, V.PUBLIC, B.FROM_50K, ["young-people"], [], D(2026, 10, 1),
     "Peer educators and late-opening study rooms in the university district.", "", ""),
    ("hamburg-mitte", "Winter outreach at the central station", A.INTERVENTION_PROJECTS, "Hamburg",
     S.RUNNING, V.PUBLIC, B.FROM_250K, ["homeless"], ["strassenhilfe"], D(2024, 11, 1),
     "Night outreach teams and a warm room near the station, with the station operator.", "", ""),
    ("manchester", "Northern Quarter welfare hub", A.INTERVENTION_PROJECTS, "Manchester",
     S.COMPLETED, V.PUBLIC, B.FROM_50K, ["young-people", "women"], ["quarter-venues"],
     D(2023, 9, 1), "A welfare point open on Friday and Saturday nights for anyone in need.",
     "1 200 people helped in a year; ambulance call-outs down 15 %.",
     "Put the hub where the taxis queue, not where the venues are."),
    ("securite-plaine", "Formation commune agents de sécurité et médiateurs", A.INSTITUTIONAL_STRENGTH,
     "Saint-Denis", S.COMPLETED, V.NETWORK, B.UNDER_50K, ["commuters"], ["coeur-de-ville"],
     D(2025, 1, 10), "Deux journées de formation croisée entre agents privés et médiateurs "
     "municipaux.", "35 agents formés.", "Inviter aussi les contrôleurs du transporteur."),
    ("commerce-nord", "Vidéoprotection partagée des quais de livraison", A.PRODUCTION_OF_INFORMATION,
     "Aubervilliers", S.PLANNED, V.OWN, B.FROM_50K, [], [], None,
     "Étude d'un partage d'images avec la police, sous convention.", "", ""),
]

NEEDS = [
    # (goal title, kind, magnitude, description)
    ("Sécuriser les abords de la gare et les trajets de nuit", K.HUMAN_RESOURCES, M.MEDIUM,
     "Des agents ou médiateurs pour les soirées du week-end"),
    ("Sécuriser les abords de la gare et les trajets de nuit", K.FINANCIAL, M.MEDIUM,
     "Cofinancement de l'éclairage du parvis"),
    ("Créer un observatoire partagé de la tranquillité publique", K.DATA, M.SMALL,
     "Données de fréquentation et d'incidents des acteurs privés"),
    ("Apaiser le quartier des grossistes la nuit", K.HUMAN_RESOURCES, M.SMALL,
     "Rondes coordonnées après la fermeture"),
    ("A safe and lively station district", K.EXPERTISE, M.SMALL, "Design of a steward programme"),
    ("Reduce pickpocketing in Ciutat Vella", K.DATA, M.SMALL, "Reports from hotels and shops"),
    ("A safe night-time economy in the Northern Quarter", K.FINANCIAL, M.LARGE,
     "Running costs of the welfare hub"),
]

OFFERS = [
    # (organisation, kind, area, territory, magnitude, description, expectations)
    ("securite-plaine", K.HUMAN_RESOURCES, A.INTERVENTION_PROJECTS, "Saint-Denis", M.MEDIUM,
     "Agents de sécurité formés à la médiation, soirées et week-ends",
     "Un cadre clair avec la police municipale"),
    ("commerce-nord", K.DATA, A.PRODUCTION_OF_INFORMATION, "Aubervilliers", M.SMALL,
     "Statistiques anonymisées de vols et d'incidents en magasin", "Un retour sur les analyses"),
    ("grand-stade", K.FINANCIAL, A.INTERVENTION_PROJECTS, "Saint-Denis", M.LARGE,
     "Cofinancement de projets autour des soirs de match", "Visibilité auprès des riverains"),
    ("coeur-de-ville", K.EXPERTISE, "", "Saint-Denis", M.SMALL,
     "Animation de réseaux de commerçants", ""),
    ("plaine-mobilites", K.HUMAN_RESOURCES, A.INTERVENTION_PROJECTS, "Plaine Commune", M.MEDIUM,
     "Agents d'ambiance dans les bus de nuit", "Partage des signalements"),
    ("kouter-retail", K.DATA, A.PRODUCTION_OF_INFORMATION, "Gent", M.SMALL,
     "Anonymised shoplifting reports", ""),
    ("hotels-ciutat-vella", K.DATA, A.PRODUCTION_OF_INFORMATION, "Barcelona", M.SMALL,
     "Guests' theft reports, anonymised", "Faster police response"),
    ("quarter-venues", K.FINANCIAL, A.INTERVENTION_PROJECTS, "Manchester", M.MEDIUM,
     "A levy towards night-time welfare", "A say in where the money goes"),
    ("manchester-bid", K.EXPERTISE, A.INSTITUTIONAL_STRENGTH, "Manchester", M.SMALL,
     "Convening city-centre businesses", ""),
]


def seed_cooperation(organisations, groups, created) -> None:
    """Create whatever demo projects, needs and offers are missing."""
    for (org, title, area, territory, state, visibility, budget, group_codes, partners, starts_on,
         summary, results, lessons) in PROJECTS:
        if Project.objects.filter(organisation=organisations[org], title=title).exists():
            continue
        owner = organisations[org]
        project_create(
            actor=None, organisation=owner, title=title, summary=summary, area=area,
            territory=territory, state=state, visibility=visibility, budget_band=budget,
            starts_on=starts_on, results=results, lessons_learned=lessons,
            community_groups=[groups[code] for code in group_codes if code in groups],
            partners=[organisations[key] for key in partners],
        )
        created["projects"] += 1
    for goal_title, kind, magnitude, description in NEEDS:
        goal = Goal.objects.filter(title=goal_title).first()
        if goal is None or Need.objects.filter(goal=goal, kind=kind).exists():
            continue
        need_add(actor=None, goal=goal, kind=kind, magnitude=magnitude, description=description)
        created["needs"] += 1
    for org, kind, area, territory, magnitude, description, expectations in OFFERS:
        organisation = organisations[org]
        if ContributionOffer.objects.filter(organisation=organisation, kind=kind).exists():
            continue
        measure = {"amount": 20000, "currency": "EUR"} if kind == K.FINANCIAL else {}
        if kind == K.HUMAN_RESOURCES:
            measure = {"person_days": 60}
        offer_create(actor=None, organisation=organisation, kind=kind, area=area,
                     territory=territory, magnitude=magnitude, description=description,
                     expectations=expectations, **measure)
        created["contribution offers"] += 1
