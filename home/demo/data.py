"""The demo registry's content: European cities, their bodies, firms and intermediaries, local
safety strategies, partnerships in every state of the lifecycle, calls for partners and the
expressions of interest firms sent in answer, in every state of their review.

Public bodies carry their real names; firms, associations and every person are made up. All
identifiers are fictitious but valid in their scheme (SIREN Luhn key, LEI check digits...).
``home.demo.seed`` loads this content through the services.
"""

import datetime
from decimal import Decimal

from actors.choices import Function, OrganisationKind, Sector, VerificationStatus
from calls.choices import CallStatus, EoiStatus
from goals.choices import Area, Horizon, IndicatorDirection, Priority
from partnerships.choices import (
    ContributionKind,
    DocumentKind,
    DocumentVisibility,
    Role,
    RuleCategory,
    Status,
)

# The one password of every demo account. The command refuses to run in production.
DEMO_PASSWORD = "efus-demo-2012"  # noqa: S105

D = datetime.date

COMMUNITY_GROUPS = [
    # code, English name, French name, made only of the private partners' own customers
    ("residents", "Residents", "Habitants", False),
    ("young-people", "Young people", "Jeunes", False),
    ("elderly", "Elderly people", "Personnes âgées", False),
    ("women", "Women", "Femmes", False),
    ("homeless", "Homeless people", "Personnes sans abri", False),
    ("shop-owners", "Shop owners", "Commerçants", False),
    ("commuters", "Commuters", "Usagers des transports", False),
    ("night-workers", "Night-time workers", "Travailleurs de nuit", False),
    ("visitors", "Visitors and tourists", "Visiteurs et touristes", False),
    ("partners-customers", "Customers of partner businesses",
     "Clientèle des entreprises partenaires", True),
]

PUB, PRIV, INTER = Sector.PUBLIC, Sector.PRIVATE, Sector.INTERMEDIARY
K = OrganisationKind
UNVERIFIED, REJECTED = VerificationStatus.UNVERIFIED, VerificationStatus.REJECTED


def _org(key, name, sector, kind, scheme, identifier, country, territory, website="",
         description="", contact=("", "", ""), verification=VerificationStatus.VERIFIED,
         licence=None):
    """``licence``: a private security company's (scheme, number, days from today until it
    expires)."""
    contact_name, contact_email, contact_phone = contact
    return {
        "key": key,
        "verification": verification,
        "licence": licence,
        "fields": {
            "name": name,
            "sector": sector,
            "kind": kind,
            "identifier_scheme": scheme,
            "identifier": identifier,
            "country": country,
            "territory": territory,
            "website": website,
            "description": description,
            "contact_name": contact_name,
            "contact_email": contact_email,
            "contact_phone": contact_phone,
        },
    }


ORGANISATIONS = [
    # Saint-Denis, Aubervilliers and Plaine Commune (FR)
    _org("saint-denis", "Ville de Saint-Denis", PUB, K.MUNICIPALITY, "FR-RCS", "219300662", "FR",
         "Saint-Denis", "https://ville-saint-denis.fr",
         "Commune de Seine-Saint-Denis, co-signataire du Manifeste d'Aubervilliers et Saint-Denis.",
         ("Amina Benali", "prevention@ville-saint-denis.example", "+33 1 49 33 00 00")),
    _org("aubervilliers", "Ville d'Aubervilliers", PUB, K.MUNICIPALITY, "FR-RCS", "219300019",
         "FR", "Aubervilliers", "https://www.aubervilliers.fr",
         "Commune de Seine-Saint-Denis, hôte de la conférence Efus de 2012.",
         ("Thomas Leroy", "securite@aubervilliers.example", "+33 1 48 39 52 00")),
    _org("plaine-commune", "Établissement public territorial Plaine Commune", PUB, K.INTERMUNICIPAL,
         "FR-RCS", "200057867", "FR", "Plaine Commune", "https://plainecommune.fr",
         "Regroupe neuf villes du nord de Paris, dont Saint-Denis et Aubervilliers."),
    _org("police-saint-denis", "Commissariat de police de Saint-Denis", PUB, K.POLICE, "XX-LOCAL",
         "PN-93066", "FR", "Saint-Denis"),
    _org("police-aubervilliers", "Commissariat de police d'Aubervilliers", PUB, K.POLICE,
         "XX-LOCAL", "PN-93001", "FR", "Aubervilliers"),
    _org("idfm", "Île-de-France Mobilités", PUB, K.TRANSPORT_AUTHORITY, "FR-RCS", "287500078", "FR",
         "Île-de-France", "https://www.iledefrance-mobilites.fr",
         "Autorité organisatrice des transports de la région."),
    _org("lycee-eluard", "Lycée Paul Éluard", PUB, K.SCHOOL, "XX-LOCAL", "UAI 0930124E", "FR",
         "Saint-Denis"),
    _org("securite-plaine", "Sécurité Plaine SARL", PRIV, K.PRIVATE_SECURITY, "FR-RCS", "534640974",
         "FR", "Saint-Denis", "https://securite-plaine.example",
         "Prévention et gardiennage, 40 agents, implantée à la Plaine Saint-Denis.",
         ("Julien Moreau", "j.moreau@securite-plaine.example", "+33 1 55 87 10 10"),
         licence=("FR-CNAPS", "AUT-093-2118-05-28-20190359478", 45)),
    _org("commerce-nord", "Commerce Nord SAS", PRIV, K.RETAILER, "FR-RCS", "302466339", "FR",
         "Aubervilliers", "https://commerce-nord.example",
         "Supermarchés de proximité, trois magasins à Aubervilliers.",
         ("Karim Haddad", "k.haddad@commerce-nord.example", "+33 1 43 52 20 20")),
    _org("boulangerie-marche", "Boulangerie du Marché SARL", PRIV, K.SME, "FR-RCS", "629923129",
         "FR", "Saint-Denis", description="Boulangerie de la place du marché, six salariés."),
    _org("grand-stade", "Société d'exploitation du Grand Stade SA", PRIV, K.LARGE_ENTERPRISE,
         "XI-LEI", "9695005ENSEIGNE7A887", "FR", "Saint-Denis",
         description="Exploitant d'un stade de 80 000 places et de ses abords."),
    _org("plaine-mobilites", "Plaine Mobilités SA", PRIV, K.TRANSPORT_OPERATOR, "XI-LEI",
         "969500PLAINEMOB0K242", "FR", "Plaine Commune",
         description="Exploitant de lignes de bus de jour et de nuit sous contrat avec IDFM."),
    _org("grossistes-fort", "Association des grossistes du Fort", PRIV, K.BUSINESS_ASSOCIATION,
         "FR-RNA", "W931004527", "FR", "Aubervilliers",
         description="Réunit 120 grossistes du quartier du Fort d'Aubervilliers."),
    _org("vigie-express", "Vigie Express SAS", PRIV, K.PRIVATE_SECURITY, "FR-RCS", "973669468",
         "FR", "Saint-Denis", description="Inscription en ligne en attente de vérification.",
         verification=UNVERIFIED, licence=("FR-CNAPS", "AUT-093-2124-02-11-20240112345", 900)),
    _org("gardiennage-rapide", "Gardiennage Rapide SAS", PRIV, K.PRIVATE_SECURITY, "FR-RCS",
         "197222334", "FR", "Aubervilliers", verification=REJECTED),
    _org("cci-93", "CCI Seine-Saint-Denis", INTER, K.CHAMBER_OF_COMMERCE, "FR-RCS", "130022189", "FR",
         "Seine-Saint-Denis", description="Chambre de commerce et d'industrie départementale."),
    _org("coeur-de-ville", "Association Cœur de Ville Saint-Denis", INTER, K.CITY_CENTRE_MANAGEMENT,
         "FR-RNA", "W931008814", "FR", "Saint-Denis",
         description="Management de centre-ville : commerçants, habitants et Ville."),
    _org("femmes-plaine", "Femmes Solidaires de la Plaine", INTER, K.NGO, "FR-RNA", "W931012390",
         "FR", "Plaine Commune",
         description="Accompagnement des femmes et ateliers pour les jeunes filles."),
    _org("locataires-franc-moisin", "Amicale des locataires du Franc-Moisin", INTER,
         K.RESIDENTS_ASSOCIATION, "FR-RNA", "W931015671", "FR", "Saint-Denis"),
    _org("irsu", "Institut de recherche sur la sécurité urbaine", INTER, K.RESEARCH, "FR-RNA",
         "W751203344", "FR", "Paris",
         description="Laboratoire associatif d'évaluation des politiques de prévention."),
    # Gent and Liège (BE)
    _org("gent", "Stad Gent", PUB, K.MUNICIPALITY, "BE-BCE_KBO", "0207451227", "BE", "Gent",
         "https://stad.gent", contact=("Pieter De Smet", "veiligheid@stad.gent.example",
                                       "+32 9 210 10 10")),
    _org("police-gent", "Politiezone Gent", PUB, K.POLICE, "BE-BCE_KBO", "0248412545", "BE", "Gent"),
    _org("de-lijn", "De Lijn", PUB, K.TRANSPORT_AUTHORITY, "BE-BCE_KBO", "0246415929", "BE",
         "Vlaanderen", "https://www.delijn.be"),
    _org("kouter-retail", "Kouter Retail NV", PRIV, K.RETAILER, "BE-BCE_KBO", "0451886376", "BE",
         "Gent", description="Department stores in the Gent city centre."),
    _org("voka-ovl", "Voka – Kamer van Koophandel Oost-Vlaanderen", INTER, K.CHAMBER_OF_COMMERCE,
         "BE-BCE_KBO", "0404336283", "BE", "Oost-Vlaanderen"),
    _org("liege", "Ville de Liège", PUB, K.MUNICIPALITY, "BE-BCE_KBO", "0207657105", "BE", "Liège",
         "https://www.liege.be"),
    _org("police-liege", "Zone de police de Liège", PUB, K.POLICE, "BE-BCE_KBO", "0248503310", "BE",
         "Liège"),
    _org("gcv-liege", "Gestion Centre-Ville Liège", INTER, K.CITY_CENTRE_MANAGEMENT, "BE-BCE_KBO",
         "0459125546", "BE", "Liège"),
    _org("carre-nuit", "Carré Nuit SRL", PRIV, K.NIGHTLIFE, "BE-BCE_KBO", "0662012528", "BE", "Liège",
         description="Exploitant de quatre bars et d'une salle de concert dans le Carré."),
    _org("securilux", "Sécurilux SA", PRIV, K.PRIVATE_SECURITY, "BE-BCE_KBO", "0411882784", "BE",
         "Liège", licence=("OTHER", "16.0123.07", 700)),
    # Barcelona (ES)
    _org("barcelona", "Ajuntament de Barcelona", PUB, K.MUNICIPALITY, "ES-DIR3", "L01080193", "ES",
         "Barcelona", "https://ajuntament.barcelona.cat"),
    _org("guardia-urbana", "Guàrdia Urbana de Barcelona", PUB, K.POLICE, "ES-DIR3", "LA0012345",
         "ES", "Barcelona"),
    _org("atm-barcelona", "Autoritat del Transport Metropolità", PUB, K.TRANSPORT_AUTHORITY,
         "ES-DIR3", "A09006153", "ES", "Barcelona"),
    _org("hotels-ciutat-vella", "Associació d'Hotels de Ciutat Vella", PRIV, K.BUSINESS_ASSOCIATION,
         "XX-LOCAL", "ES-AHCV-0815", "ES", "Barcelona"),
    _org("barnavila", "Barnavila Comerç SL", PRIV, K.RETAILER, "XI-LEI", "5493000BARNAVLIN4Q59", "ES",
         "Barcelona", description="Souvenir and convenience shops along the Rambla."),
    _org("cambra-barcelona", "Cambra de Comerç de Barcelona", INTER, K.CHAMBER_OF_COMMERCE,
         "XX-LOCAL", "ES-CCB-08", "ES", "Barcelona"),
    _org("carrer-segur", "Fundació Carrer Segur", INTER, K.NGO, "XX-LOCAL", "ES-FUND-2291", "ES",
         "Barcelona", description="Street educators working with young people in Ciutat Vella."),
    # Bologna (IT)
    _org("bologna", "Comune di Bologna", PUB, K.MUNICIPALITY, "IT-IPA", "c_a944", "IT", "Bologna",
         "https://www.comune.bologna.it"),
    _org("polizia-locale-bologna", "Polizia Locale di Bologna", PUB, K.POLICE, "IT-IPA",
         "polizia_locale_bo", "IT", "Bologna"),
    _org("istituto-aldini", "Istituto Aldini Valeriani", PUB, K.SCHOOL, "IT-IPA", "iis_aldini", "IT",
         "Bologna"),
    _org("unibo-lab", "Università di Bologna – Urban Safety Lab", INTER, K.RESEARCH, "IT-IPA",
         "unibo", "IT", "Bologna"),
    _org("emilia-vigilanza", "Emilia Servizi Vigilanza SpA", PRIV, K.PRIVATE_SECURITY, "XI-LEI",
         "815600EMILIASERV1Z07", "IT", "Bologna", licence=("OTHER", "BO-2019-0042", 500)),
    _org("ascom-bologna", "Associazione Commercianti Bologna Centro", PRIV, K.BUSINESS_ASSOCIATION,
         "XX-LOCAL", "IT-BO-ASC-118", "IT", "Bologna"),
    # Hamburg (DE)
    _org("hamburg-mitte", "Bezirksamt Hamburg-Mitte", PUB, K.MUNICIPALITY, "XX-LOCAL",
         "AGS 02000000-M", "DE", "Hamburg", "https://www.hamburg.de/mitte"),
    _org("polizei-hamburg", "Polizei Hamburg", PUB, K.POLICE, "XX-LOCAL", "DE-HH-POL", "DE",
         "Hamburg"),
    _org("hvv", "Hamburger Verkehrsverbund", PUB, K.TRANSPORT_AUTHORITY, "DE-CR",
         "Hamburg HRB 41090", "DE", "Hamburg"),
    _org("hansa-bahnhof", "Hansa Bahnhofsservice GmbH", PRIV, K.TRANSPORT_OPERATOR, "XI-LEI",
         "529900HANSABAHN0D757", "DE", "Hamburg",
         description="Runs station services and cleaning at the Hauptbahnhof."),
    _org("nordwache", "Nordwache Sicherheitsdienst GmbH", PRIV, K.PRIVATE_SECURITY, "DE-CR",
         "Hamburg HRB 98765", "DE", "Hamburg", licence=("OTHER", "34A-HH-2020-118", 600)),
    _org("st-georg-handel", "Einzelhandel St. Georg e.V.", PRIV, K.BUSINESS_ASSOCIATION, "DE-CR",
         "Hamburg VR 21234", "DE", "Hamburg"),
    _org("handelskammer-hamburg", "Handelskammer Hamburg", INTER, K.CHAMBER_OF_COMMERCE, "XX-LOCAL",
         "DE-HK-HH", "DE", "Hamburg"),
    _org("bid-lange-reihe", "BID Lange Reihe GmbH", INTER, K.BID, "DE-CR", "Hamburg HRB 145678",
         "DE", "Hamburg"),
    _org("strassenhilfe", "Straßenhilfe St. Georg e.V.", INTER, K.NGO, "DE-CR", "Hamburg VR 19876",
         "DE", "Hamburg", description="Street outreach and day shelter for homeless people."),
    # Manchester (GB)
    _org("manchester", "Manchester City Council", PUB, K.MUNICIPALITY, "GB-LAE", "MAN", "GB",
         "Manchester", "https://www.manchester.gov.uk"),
    _org("gmp", "Greater Manchester Police", PUB, K.POLICE, "XX-LOCAL", "GB-GMP", "GB",
         "Greater Manchester"),
    _org("tfgm", "Transport for Greater Manchester", PUB, K.TRANSPORT_AUTHORITY, "XX-LOCAL",
         "GB-TFGM", "GB", "Greater Manchester"),
    _org("northrail", "Northrail Services Ltd", PRIV, K.TRANSPORT_OPERATOR, "XI-LEI",
         "2138000NORTHRAIL3J41", "GB", "Manchester"),
    _org("quarter-venues", "Quarter Venues Ltd", PRIV, K.NIGHTLIFE, "GB-COH", "09876543", "GB",
         "Manchester", description="Operates six bars and two music venues in the Northern Quarter."),
    _org("arndale-retail", "Arndale Retail Group plc", PRIV, K.LARGE_ENTERPRISE, "GB-COH", "01234567",
         "GB", "Manchester"),
    _org("pennine-guarding", "Pennine Guarding Ltd", PRIV, K.PRIVATE_SECURITY, "GB-COH", "08765432",
         "GB", "Manchester", licence=("GB-SIA", "1012345678901234", 400)),
    _org("safe-streets-tech", "Safe Streets Tech Ltd", PRIV, K.TECHNOLOGY, "GB-COH", "14567890", "GB",
         "Manchester", description="Self-registered; awaiting verification by a coordinator.",
         verification=UNVERIFIED),
    _org("manchester-bid", "Manchester City Centre BID", INTER, K.BID, "GB-COH", "07654321", "GB",
         "Manchester"),
    _org("night-shelter", "Manchester Night Shelter Trust", INTER, K.NGO, "GB-CHC", "1123456", "GB",
         "Manchester"),
]

ACCOUNTS = [
    # username, kind shown to the user, organisation key, function, first name, last name
    ("coordinator", "Coordinator", "saint-denis", Function.COORDINATOR, "Amina", "Benali"),
    ("coordinator-gent", "Coordinator of another body", "gent", Function.COORDINATOR,
     "Pieter", "De Smet"),
    ("firm", "Firm representative", "securite-plaine", Function.FIRM_REPRESENTATIVE,
     "Julien", "Moreau"),
    ("firm-other", "Another firm's representative", "commerce-nord",
     Function.FIRM_REPRESENTATIVE, "Karim", "Haddad"),
    ("analyst", "Analyst", "irsu", Function.ANALYST, "Erin", "Walsh"),
    ("admin", "Administrator", None, Function.NONE, "Registry", "Administrator"),
]

A, H = Area, Horizon
INC, DEC = IndicatorDirection.INCREASE, IndicatorDirection.DECREASE


def _goal(title, area, horizon, priority, groups, indicators, description=""):
    return {"title": title, "area": area, "horizon": horizon, "priority": priority,
            "groups": groups, "indicators": indicators, "description": description}


def _indicator(name, unit, baseline, baseline_on, target, target_on, direction, measurements):
    return {"name": name, "unit": unit, "baseline": Decimal(baseline), "baseline_on": baseline_on,
            "target": Decimal(target), "target_on": target_on, "direction": direction,
            "measurements": [(day, Decimal(value)) for day, value in measurements]}


STRATEGIES = [
    {
        "owner": "saint-denis",
        "title": "Stratégie territoriale de sécurité et de prévention de Saint-Denis 2025-2029",
        "territory": "Saint-Denis",
        "starts_on": D(2025, 1, 1),
        "ends_on": D(2029, 12, 31),
        "summary": "Priorités partagées par la Ville, l'État, les bailleurs, les transporteurs et "
                   "les acteurs économiques pour la tranquillité publique.",
        "goals": [
            _goal("Sécuriser les abords de la gare et les trajets de nuit", A.INTERVENTION_PROJECTS,
                  H.SHORT, Priority.HIGH, ["commuters", "women", "night-workers"], [
                      _indicator("Vols et agressions signalés aux abords de la gare",
                                 "incidents par mois", "48", D(2025, 1, 1), "30", D(2026, 12, 31),
                                 DEC, [(D(2025, 6, 30), "44"), (D(2025, 12, 31), "39"),
                                       (D(2026, 6, 30), "35")]),
                      _indicator("Usagers se disant en sécurité la nuit", "%", "41",
                                 D(2025, 1, 1), "60", D(2026, 12, 31), INC,
                                 [(D(2025, 6, 30), "44"), (D(2026, 6, 30), "52")]),
                  ]),
            _goal("Créer un observatoire partagé de la tranquillité publique",
                  A.PRODUCTION_OF_INFORMATION, H.MEDIUM, Priority.MEDIUM, ["residents"], [
                      _indicator("Partenaires alimentant l'observatoire", "partenaires", "2",
                                 D(2025, 3, 1), "10", D(2027, 12, 31), INC,
                                 [(D(2025, 9, 1), "4"), (D(2026, 3, 1), "6"),
                                  (D(2026, 9, 1), "7")]),
                  ]),
            _goal("Ouvrir le conseil local de sécurité aux acteurs économiques",
                  A.INSTITUTIONAL_STRENGTH, H.MEDIUM, Priority.MEDIUM, ["shop-owners"], [
                      _indicator("Entreprises siégeant au conseil local de sécurité",
                                 "entreprises", "0", D(2025, 1, 1), "8", D(2027, 6, 30), INC,
                                 [(D(2025, 12, 31), "3"), (D(2026, 6, 30), "5")]),
                  ]),
        ],
    },
    {
        "owner": "plaine-commune",
        "title": "Contrat territorial de sécurité de Plaine Commune 2023-2027",
        "territory": "Plaine Commune",
        "starts_on": D(2023, 1, 1),
        "ends_on": D(2027, 12, 31),
        "summary": "Les priorités que l'établissement territorial partage avec ses neuf villes, "
                   "les transporteurs et la police.",
        "goals": [
            _goal("Mesurer la sécurité ressentie dans les transports du territoire",
                  A.PRODUCTION_OF_INFORMATION, H.MEDIUM, Priority.MEDIUM,
                  ["commuters", "women", "elderly"], []),
        ],
    },
    {
        "owner": "aubervilliers",
        "title": "Contrat local de sécurité d'Aubervilliers 2024-2027",
        "territory": "Aubervilliers",
        "starts_on": D(2024, 1, 1),
        "ends_on": D(2027, 12, 31),
        "summary": "Prévention de la délinquance des jeunes et tranquillité des quartiers "
                   "d'activité.",
        "goals": [
            _goal("Prévenir les rixes entre jeunes du quartier du Fort", A.INTERVENTION_PROJECTS,
                  H.LONG, Priority.HIGH, ["young-people", "residents"], [
                      _indicator("Rixes signalées", "rixes par an", "14", D(2024, 1, 1), "4",
                                 D(2028, 12, 31), DEC,
                                 [(D(2024, 12, 31), "12"), (D(2025, 12, 31), "9")]),
                      _indicator("Jeunes suivis par un référent", "jeunes", "35", D(2024, 1, 1),
                                 "120", D(2027, 12, 31), INC,
                                 [(D(2024, 12, 31), "58"), (D(2025, 12, 31), "81")]),
                  ]),
            _goal("Apaiser le quartier des grossistes la nuit", A.INTERVENTION_PROJECTS, H.SHORT,
                  Priority.MEDIUM, ["night-workers", "shop-owners"], [
                      _indicator("Vols de marchandises lors des livraisons", "vols par trimestre",
                                 "26", D(2024, 7, 1), "12", D(2025, 6, 30), DEC,
                                 [(D(2024, 9, 30), "23"), (D(2024, 12, 31), "19"),
                                  (D(2025, 3, 31), "17")]),
                  ]),
            _goal("Associer les commerçants aux instances de prévention", A.INSTITUTIONAL_STRENGTH,
                  H.SHORT, Priority.LOW, ["shop-owners"], [
                      _indicator("Commerçants présents aux réunions de quartier", "personnes",
                                 "5", D(2024, 1, 1), "25", D(2024, 12, 31), INC,
                                 [(D(2024, 6, 30), "11"), (D(2024, 12, 31), "19")]),
                  ]),
        ],
    },
    {
        "owner": "gent",
        "title": "Gent integral safety plan 2025-2030",
        "territory": "Gent",
        "starts_on": D(2025, 1, 1),
        "ends_on": D(2030, 12, 31),
        "summary": "The city's safety priorities, shared with the police zone, De Lijn and "
                   "the business community.",
        "goals": [
            _goal("A safe and lively station district", A.INTERVENTION_PROJECTS, H.MEDIUM,
                  Priority.HIGH, ["commuters", "residents", "homeless"], [
                      _indicator("Reported incidents around Gent-Sint-Pieters", "incidents per "
                                 "quarter", "210", D(2025, 1, 1), "150", D(2027, 12, 31), DEC,
                                 [(D(2025, 3, 31), "204"), (D(2025, 9, 30), "188"),
                                  (D(2026, 3, 31), "176")]),
                  ]),
            _goal("Shared incident data between city, police and public transport",
                  A.PRODUCTION_OF_INFORMATION, H.SHORT, Priority.MEDIUM, ["commuters"], [
                      _indicator("Data sets shared monthly", "data sets", "1", D(2025, 1, 1), "6",
                                 D(2025, 12, 31), INC,
                                 [(D(2025, 4, 30), "2"), (D(2025, 8, 31), "4"),
                                  (D(2025, 12, 31), "5")]),
                  ]),
        ],
    },
    {
        "owner": "liege",
        "title": "Plan stratégique de sécurité et de prévention de Liège 2024-2028",
        "territory": "Liège",
        "starts_on": D(2024, 1, 1),
        "ends_on": D(2028, 12, 31),
        "summary": "Vie nocturne, diagnostic local et prévention des violences.",
        "goals": [
            _goal("Une vie nocturne apaisée dans le Carré", A.INTERVENTION_PROJECTS, H.SHORT,
                  Priority.HIGH, ["young-people", "night-workers", "women"], [
                      _indicator("Interventions pour violences la nuit dans le Carré",
                                 "interventions par mois", "62", D(2023, 3, 1), "40",
                                 D(2025, 6, 30), DEC,
                                 [(D(2023, 12, 31), "55"), (D(2024, 6, 30), "49"),
                                  (D(2025, 6, 30), "43")]),
                  ]),
            _goal("Un diagnostic local de sécurité partagé", A.PRODUCTION_OF_INFORMATION, H.LONG,
                  Priority.MEDIUM, ["residents"], [
                      _indicator("Quartiers couverts par le diagnostic", "quartiers", "3",
                                 D(2024, 1, 1), "15", D(2028, 12, 31), INC,
                                 [(D(2024, 12, 31), "6"), (D(2025, 12, 31), "9")]),
                  ]),
            _goal("Campagne « Bien rentrer » auprès des noctambules", A.OTHER, H.SHORT,
                  Priority.LOW, ["young-people"], [
                      _indicator("Personnes touchées par la campagne", "personnes", "0",
                                 D(2024, 9, 1), "20000", D(2025, 6, 30), INC,
                                 [(D(2024, 12, 31), "8500"), (D(2025, 6, 30), "17400")]),
                  ]),
        ],
    },
    {
        "owner": "barcelona",
        "title": "Barcelona safety and prevention plan 2025-2028",
        "territory": "Barcelona",
        "starts_on": D(2025, 1, 1),
        "ends_on": D(2028, 12, 31),
        "summary": "Coexistence in the old town, tourism and safety, and a standing round "
                   "table with the business community.",
        "goals": [
            _goal("Reduce pickpocketing in Ciutat Vella", A.INTERVENTION_PROJECTS, H.SHORT,
                  Priority.HIGH, ["visitors", "residents", "commuters"], [
                      _indicator("Reported pickpocketing in Ciutat Vella", "reports per month",
                                 "950", D(2025, 1, 1), "700", D(2025, 12, 31), DEC,
                                 [(D(2025, 4, 30), "910"), (D(2025, 8, 31), "820"),
                                  (D(2025, 12, 31), "760")]),
                  ]),
            _goal("A standing public-private round table on tourism and safety",
                  A.INSTITUTIONAL_STRENGTH, H.LONG, Priority.MEDIUM, ["residents", "shop-owners"], [
                      _indicator("Round-table meetings held", "meetings", "0", D(2025, 1, 1),
                                 "16", D(2028, 12, 31), INC,
                                 [(D(2025, 6, 30), "2"), (D(2025, 12, 31), "4"),
                                  (D(2026, 6, 30), "6")]),
                  ]),
        ],
    },
    {
        "owner": "bologna",
        "title": "Bologna urban safety plan 2024-2027",
        "territory": "Bologna",
        "starts_on": D(2024, 1, 1),
        "ends_on": D(2027, 12, 31),
        "summary": "Safer evenings in the university district, evidence-based prevention and "
                   "safety by urban design.",
        "goals": [
            _goal("Safer evenings in the university district", A.INTERVENTION_PROJECTS, H.MEDIUM,
                  Priority.HIGH, ["young-people", "residents"], [
                      _indicator("Noise and disorder complaints in Via Zamboni",
                                 "complaints per month", "85", D(2024, 1, 1), "50",
                                 D(2025, 12, 31), DEC,
                                 [(D(2024, 6, 30), "78"), (D(2024, 12, 31), "66"),
                                  (D(2025, 6, 30), "57")]),
                  ]),
            _goal("Evaluate prevention projects with the university",
                  A.PRODUCTION_OF_INFORMATION, H.MEDIUM, Priority.MEDIUM, ["residents"], [
                      _indicator("Projects with a published evaluation", "projects", "1",
                                 D(2024, 1, 1), "8", D(2026, 12, 31), INC,
                                 [(D(2024, 12, 31), "3"), (D(2025, 12, 31), "5")]),
                  ]),
            _goal("Safety by urban design in new developments", A.OTHER, H.LONG, Priority.LOW,
                  ["residents", "elderly", "women"], [
                      _indicator("Development plans reviewed for safety", "plans", "0",
                                 D(2024, 1, 1), "30", D(2029, 12, 31), INC,
                                 [(D(2024, 12, 31), "6"), (D(2025, 12, 31), "13")]),
                  ]),
        ],
    },
    {
        "owner": "hamburg-mitte",
        "title": "Hamburg-Mitte safety and prevention strategy 2025-2029",
        "territory": "Hamburg",
        "starts_on": D(2025, 1, 1),
        "ends_on": D(2029, 12, 31),
        "summary": "St. Georg and the Hauptbahnhof: outreach, shelter and coordination with "
                   "local businesses.",
        "goals": [
            _goal("Outreach and shelter for homeless people around the Hauptbahnhof",
                  A.INTERVENTION_PROJECTS, H.LONG, Priority.HIGH, ["homeless", "commuters"], [
                      _indicator("People in contact with outreach workers", "people per month",
                                 "140", D(2025, 1, 1), "300", D(2029, 12, 31), INC,
                                 [(D(2025, 6, 30), "170"), (D(2025, 12, 31), "205"),
                                  (D(2026, 6, 30), "226")]),
                  ]),
            _goal("Coordinate businesses, city and police in St. Georg",
                  A.INSTITUTIONAL_STRENGTH, H.MEDIUM, Priority.MEDIUM, ["shop-owners",
                                                                        "residents"], [
                      _indicator("Businesses in the St. Georg safety forum", "businesses", "4",
                                 D(2025, 1, 1), "30", D(2027, 12, 31), INC,
                                 [(D(2025, 6, 30), "11"), (D(2025, 12, 31), "17")]),
                  ]),
        ],
    },
    {
        "owner": "manchester",
        "title": "Manchester community safety strategy 2025-2028",
        "territory": "Manchester",
        "starts_on": D(2025, 4, 1),
        "ends_on": D(2028, 3, 31),
        "summary": "A safe night-time economy, less retail crime and open data on what "
                   "partnerships achieve.",
        "goals": [
            _goal("A safe night-time economy in the Northern Quarter", A.INTERVENTION_PROJECTS,
                  H.SHORT, Priority.HIGH, ["night-workers", "women", "young-people"], [
                      _indicator("Violent incidents on Friday and Saturday nights",
                                 "incidents per month", "120", D(2025, 4, 1), "80",
                                 D(2026, 3, 31), DEC,
                                 [(D(2025, 7, 31), "112"), (D(2025, 10, 31), "101"),
                                  (D(2026, 1, 31), "94")]),
                      _indicator("Venues with trained welfare staff", "venues", "12",
                                 D(2025, 4, 1), "60", D(2026, 3, 31), INC,
                                 [(D(2025, 9, 30), "31"), (D(2026, 3, 31), "47")]),
                  ]),
            _goal("Reduce retail crime in the city centre", A.INTERVENTION_PROJECTS, H.MEDIUM,
                  Priority.MEDIUM, ["shop-owners", "residents"], [
                      _indicator("Shop thefts reported", "reports per month", "640",
                                 D(2025, 4, 1), "450", D(2027, 3, 31), DEC,
                                 [(D(2025, 9, 30), "615"), (D(2026, 3, 31), "580")]),
                  ]),
            _goal("Publish what community safety partnerships achieve", A.OTHER, H.MEDIUM,
                  Priority.LOW, ["residents"], [
                      _indicator("Partnership reports published", "reports", "0",
                                 D(2025, 4, 1), "12", D(2027, 3, 31), INC,
                                 [(D(2025, 12, 31), "3"), (D(2026, 6, 30), "5")]),
                  ]),
            _goal("A community safety data hub", A.PRODUCTION_OF_INFORMATION, H.LONG,
                  Priority.MEDIUM, ["residents", "commuters"], [
                      _indicator("Open data sets on the hub", "data sets", "2", D(2025, 4, 1),
                                 "25", D(2029, 3, 31), INC,
                                 [(D(2025, 12, 31), "5"), (D(2026, 6, 30), "8")]),
                  ]),
        ],
    },
]

C = ContributionKind


def _party(org, role, responsibilities, *contributions):
    return {"org": org, "role": role, "responsibilities": responsibilities,
            "contributions": list(contributions)}


def document(kind, title, issued_on, visibility=None):
    """A document filed with a partnership, public unless said otherwise."""
    return {"kind": kind, "title": title, "issued_on": issued_on,
            "visibility": visibility or DocumentVisibility.PUBLIC}


def money(amount, currency, description):
    return {"kind": C.FINANCIAL, "amount": Decimal(amount), "currency": currency,
            "description": description}


def days(person_days, description):
    return {"kind": C.HUMAN_RESOURCES, "person_days": Decimal(person_days),
            "description": description}


def expertise(description):
    return {"kind": C.EXPERTISE, "description": description}


def in_kind(description):
    return {"kind": C.IN_KIND, "description": description}


def data(description):
    return {"kind": C.DATA, "description": description}


RC = RuleCategory
ALL_RULES = list(RuleCategory)
REQUIRED_AND_EVALUATION = [RC.GOVERNANCE, RC.DATA_PROTECTION, RC.CONFLICT_OF_INTEREST, RC.EXIT,
                           RC.EVALUATION]

# Clause wording by language; ``{lead}`` is the lead body's name.
RULE_TEXTS = {
    "en": {
        RC.GOVERNANCE: (
            "Steering committee",
            "A steering committee chaired by {lead} meets every quarter. Each party has one "
            "seat; decisions are taken by consensus, and the public bodies alone decide on "
            "anything touching their legal powers.",
        ),
        RC.DATA_PROTECTION: (
            "Data sharing and confidentiality",
            "Only aggregated, anonymised incident data are shared between parties. Personal data "
            "stay with the body that collected them, under the GDPR; a data-sharing protocol "
            "lists each data set, its purpose and how long it is kept.",
        ),
        RC.CONFLICT_OF_INTEREST: (
            "Declaring interests",
            "Each party declares any commercial interest in the measures discussed. A party with "
            "an interest in a decision takes no part in it, and no party uses the partnership to "
            "advertise its services.",
        ),
        RC.FUNDING: (
            "Use of funds",
            "Financial contributions are paid to {lead}, which accounts for them in a separate "
            "budget line reported yearly to all parties. A contribution buys no priority in the "
            "deployment of public services.",
        ),
        RC.EVALUATION: (
            "Evaluation and reporting",
            "The parties review progress against the shared goals' indicators every six months; "
            "an independent evaluation is published when the agreement ends.",
        ),
        RC.EXIT: (
            "Leaving the partnership",
            "Any party may leave with three months' written notice. {lead} may suspend or "
            "terminate the agreement if a party breaches these rules; data received are then "
            "returned or deleted.",
        ),
        RC.TRANSPARENCY: (
            "Public information",
            "The agreement, its parties, their roles and these rules are published in the "
            "registry. Summaries of the steering committee's meetings are public within a month.",
        ),
    },
    "fr": {
        RC.GOVERNANCE: (
            "Comité de pilotage",
            "Un comité de pilotage présidé par {lead} se réunit chaque trimestre. Chaque partie "
            "y dispose d'un siège ; les décisions sont prises par consensus et les autorités "
            "publiques décident seules de ce qui relève de leurs pouvoirs légaux.",
        ),
        RC.DATA_PROTECTION: (
            "Partage des données et confidentialité",
            "Seules des données d'incidents agrégées et anonymisées circulent entre les parties. "
            "Les données personnelles restent chez l'organisme qui les a collectées, dans le "
            "respect du RGPD ; un protocole précise chaque jeu de données, sa finalité et sa "
            "durée de conservation.",
        ),
        RC.CONFLICT_OF_INTEREST: (
            "Déclaration d'intérêts",
            "Chaque partie déclare ses intérêts commerciaux dans les mesures discutées. Une "
            "partie intéressée à une décision n'y prend pas part, et aucune partie n'utilise le "
            "partenariat pour promouvoir ses services.",
        ),
        RC.FUNDING: (
            "Utilisation des fonds",
            "Les contributions financières sont versées à {lead}, qui les retrace sur une ligne "
            "budgétaire distincte présentée chaque année aux parties. Une contribution n'achète "
            "aucune priorité dans le déploiement des services publics.",
        ),
        RC.EVALUATION: (
            "Évaluation et compte rendu",
            "Les parties examinent tous les six mois l'avancement au regard des indicateurs des "
            "objectifs partagés ; une évaluation indépendante est publiée à l'échéance.",
        ),
        RC.EXIT: (
            "Sortie du partenariat",
            "Toute partie peut se retirer avec un préavis écrit de trois mois. {lead} peut "
            "suspendre ou résilier la convention si une partie enfreint ces règles ; les données "
            "reçues sont alors restituées ou détruites.",
        ),
        RC.TRANSPARENCY: (
            "Information du public",
            "La convention, ses parties, leurs rôles et ces règles sont publiés dans le registre. "
            "Les relevés de décisions du comité de pilotage sont rendus publics sous un mois.",
        ),
    },
}

S = Status
DK = DocumentKind
DV = DocumentVisibility

PARTNERSHIPS = [
    {
        "title": "Gare de Saint-Denis : des trajets de nuit plus sûrs",
        "lead": "saint-denis",
        "territory": "Saint-Denis",
        "language": "fr",
        "status": S.ACTIVE,
        "summary": "Médiateurs, agents de prévention et éclairage renforcé entre la gare, les "
                   "arrêts de bus de nuit et les quartiers voisins.",
        "starts_on": D(2025, 3, 1),
        "ends_on": D(2027, 2, 28),
        "next_review_on": D(2027, 1, 15),
        "internal_notes": "Renouvellement à préparer avec IDFM avant l'échéance.",
        "goals": ["Sécuriser les abords de la gare et les trajets de nuit",
                  "Créer un observatoire partagé de la tranquillité publique"],
        "groups": ["commuters", "women", "night-workers", "residents"],
        "parties": [
            _party("saint-denis", Role.LEAD_AUTHORITY,
                   "Préside le comité de pilotage, coordonne les médiateurs municipaux et rend "
                   "compte au conseil local de sécurité.",
                   money("120000", "EUR", "Médiateurs de nuit et éclairage des cheminements"),
                   days("220", "Quatre médiateurs municipaux, trois soirs par semaine")),
            _party("police-saint-denis", Role.REGULATORY_AUTHORITY,
                   "Garde seule l'usage des pouvoirs de police et partage chaque mois les "
                   "tendances d'incidents agrégées.",
                   data("Statistiques mensuelles agrégées par secteur")),
            _party("plaine-mobilites", Role.OPERATIONAL_PARTNER,
                   "Déploie des agents de prévention dans les bus de nuit et signale les "
                   "incidents au poste de coordination.",
                   days("180", "Agents de prévention dans les bus de nuit"),
                   in_kind("Écrans d'information voyageurs pour les campagnes de prévention")),
            _party("securite-plaine", Role.SERVICE_PROVIDER,
                   "Assure une présence de prévention aux sorties de la gare de 21 h à 1 h, sans "
                   "pouvoir de police, sous la coordination de la Ville.",
                   days("150", "Deux agents de prévention en soirée")),
            _party("cci-93", Role.FACILITATOR,
                   "Anime le collectif des commerçants du quartier de la gare et relaie leurs "
                   "signalements au comité.",
                   expertise("Animation du collectif des commerçants")),
        ],
        "rules": ALL_RULES,
        "documents": [
            document(DK.SIGNED_AGREEMENT, "Convention signée des trajets de nuit", D(2025, 2, 20)),
            document(DK.AMENDMENT, "Avenant n° 1 : extension aux bus de nuit", D(2025, 11, 5)),
            document(DK.MINUTES, "Compte rendu du comité de pilotage, septembre 2025",
                     D(2025, 9, 22), DV.PARTIES),
            document(DK.MINUTES, "Note interne : renouvellement avec IDFM", D(2025, 12, 1),
                     DV.INTERNAL),
        ],
    },
    {
        "title": "Quartier Pleyel : médiation les soirs de grands événements",
        "lead": "saint-denis",
        "territory": "Saint-Denis",
        "language": "fr",
        "status": S.NEGOTIATION,
        "summary": "Médiateurs et gestion des flux dans les rues résidentielles les soirs de "
                   "match et de concert.",
        "starts_on": D(2027, 1, 1),
        "goals": ["Ouvrir le conseil local de sécurité aux acteurs économiques"],
        "groups": ["residents", "young-people", "visitors"],
        "internal_notes": "L'exploitant souhaite limiter sa participation aux soirs de match.",
        "parties": [
            _party("saint-denis", Role.LEAD_AUTHORITY,
                   "Coordonne le dispositif et fixe les périmètres avec la préfecture."),
            _party("grand-stade", Role.CO_FUNDER,
                   "Finance les médiateurs les soirs d'événement et partage le calendrier.",
                   money("80000", "EUR", "Médiation les soirs d'événement")),
            _party("securite-plaine", Role.SERVICE_PROVIDER,
                   "Fournit des agents d'accueil et d'orientation aux sorties du stade."),
        ],
        "rules": [RC.GOVERNANCE, RC.FUNDING],
    },
    {
        "title": "Commerces du centre-ville : vitrines éclairées et alerte partagée",
        "lead": "saint-denis",
        "territory": "Saint-Denis",
        "language": "fr",
        "status": S.DRAFT,
        "summary": "Les commerçants gardent leurs vitrines éclairées en soirée et partagent une "
                   "chaîne d'alerte avec la police municipale.",
        "groups": ["shop-owners", "residents", "partners-customers"],
        "goals": ["Ouvrir le conseil local de sécurité aux acteurs économiques"],
        "parties": [
            _party("saint-denis", Role.LEAD_AUTHORITY,
                   "Rédige la convention et réunit les commerçants volontaires."),
            _party("boulangerie-marche", Role.OPERATIONAL_PARTNER,
                   "Garde sa vitrine éclairée jusqu'à 22 h et relaie les alertes.",
                   in_kind("Éclairage de vitrine en soirée")),
            _party("securite-plaine", Role.DATA_PROVIDER,
                   "Transmet les main-courantes anonymisées de ses rondes.",
                   data("Main-courantes anonymisées des rondes")),
            _party("coeur-de-ville", Role.FACILITATOR,
                   "Recrute les commerçants et anime les réunions."),
        ],
        "rules": [RC.GOVERNANCE],
        "documents": [
            document(DK.SIGNED_AGREEMENT, "Projet de convention des commerces éclairés",
                     D(2026, 10, 1)),
        ],
    },
    {
        "title": "Vidéoprotection partagée du marché de Saint-Denis",
        "lead": "saint-denis",
        "territory": "Saint-Denis",
        "language": "fr",
        "status": S.TERMINATED,
        "path": [S.NEGOTIATION, S.TERMINATED],
        "summary": "Projet de partage en temps réel des images des caméras des commerçants du "
                   "marché avec le centre de supervision.",
        "internal_notes": "Abandonné : le partage d'images en temps réel avec un prestataire "
                          "privé n'a pas pu être encadré.",
        "groups": ["shop-owners", "residents"],
        "parties": [
            _party("saint-denis", Role.LEAD_AUTHORITY, "Porte le projet et son analyse d'impact."),
            _party("securite-plaine", Role.SERVICE_PROVIDER,
                   "Devait installer et maintenir les caméras des commerçants."),
            _party("boulangerie-marche", Role.OPERATIONAL_PARTNER,
                   "Devait héberger une caméra sur sa façade."),
        ],
        "rules": [RC.DATA_PROTECTION],
    },
    {
        "title": "Quartier du Fort : prévenir les rixes avec les jeunes",
        "lead": "aubervilliers",
        "territory": "Aubervilliers",
        "language": "fr",
        "status": S.ACTIVE,
        "summary": "Éducateurs de rue, stages en entreprise et ateliers pour les jeunes filles "
                   "dans le quartier du Fort.",
        "starts_on": D(2024, 9, 1),
        "ends_on": D(2027, 8, 31),
        "next_review_on": D(2026, 9, 1),
        "internal_notes": "Revue de septembre en retard : relancer la police.",
        "goals": ["Prévenir les rixes entre jeunes du quartier du Fort"],
        "groups": ["young-people", "residents", "women"],
        "parties": [
            _party("aubervilliers", Role.LEAD_AUTHORITY,
                   "Pilote le dispositif, finance les éducateurs et suit chaque jeune avec un "
                   "référent.",
                   money("95000", "EUR", "Deux éducateurs de rue"),
                   days("400", "Référents jeunesse de la Ville")),
            _party("police-aubervilliers", Role.REGULATORY_AUTHORITY,
                   "Signale les tensions entre quartiers à la cellule de veille, sans échange de "
                   "données nominatives.",
                   data("Alertes de tensions, sans données nominatives")),
            _party("commerce-nord", Role.CO_FUNDER,
                   "Accueille vingt jeunes en stage d'été et cofinance les sorties éducatives.",
                   money("15000", "EUR", "Sorties éducatives"),
                   in_kind("Vingt stages d'été en magasin")),
            _party("femmes-plaine", Role.OPERATIONAL_PARTNER,
                   "Anime des ateliers hebdomadaires pour les jeunes filles du quartier.",
                   expertise("Ateliers d'expression et de prévention des violences")),
            _party("lycee-eluard", Role.OPERATIONAL_PARTNER,
                   "Signale les élèves en décrochage au référent, avec l'accord des familles."),
        ],
        "rules": ALL_RULES,
    },
    {
        "title": "Grossistes du Fort : sécuriser les livraisons de nuit",
        "lead": "aubervilliers",
        "territory": "Aubervilliers",
        "language": "fr",
        "status": S.SUSPENDED,
        "summary": "Gardiennage mutualisé des zones de livraison et réunions mensuelles "
                   "grossistes-Ville-police.",
        "starts_on": D(2024, 7, 1),
        "ends_on": D(2026, 6, 30),
        "next_review_on": D(2026, 12, 15),
        "internal_notes": "Suspendu en attendant l'évaluation du gardiennage mutualisé.",
        "goals": ["Apaiser le quartier des grossistes la nuit",
                  "Associer les commerçants aux instances de prévention"],
        "groups": ["night-workers", "shop-owners", "residents"],
        "parties": [
            _party("aubervilliers", Role.LEAD_AUTHORITY,
                   "Réunit chaque mois grossistes et police et fixe les zones de livraison."),
            _party("police-aubervilliers", Role.REGULATORY_AUTHORITY,
                   "Patrouille aux heures de livraison et reste seule juge des interpellations."),
            _party("grossistes-fort", Role.CO_FUNDER,
                   "Finance le gardiennage mutualisé au prorata des surfaces.",
                   money("60000", "EUR", "Gardiennage mutualisé des zones de livraison")),
            _party("securite-plaine", Role.SERVICE_PROVIDER,
                   "Garde les zones de livraison de 22 h à 6 h.",
                   days("300", "Agents de gardiennage de nuit")),
        ],
        "rules": [*REQUIRED_AND_EVALUATION, RC.FUNDING],
    },
    {
        "title": "Plaine Commune : diagnostic partagé de la sécurité dans les transports",
        "lead": "plaine-commune",
        "territory": "Plaine Commune",
        "language": "fr",
        "status": S.CONCLUDED,
        "summary": "Enquête de victimation et cartographie des incidents sur les lignes de bus "
                   "et les pôles gares du territoire.",
        "starts_on": D(2023, 9, 1),
        "ends_on": D(2025, 6, 30),
        "goals": ["Mesurer la sécurité ressentie dans les transports du territoire"],
        "groups": ["commuters", "women", "elderly"],
        "parties": [
            _party("plaine-commune", Role.LEAD_AUTHORITY,
                   "Commande le diagnostic et en publie les résultats."),
            _party("idfm", Role.DATA_PROVIDER,
                   "Fournit les données de fréquentation et d'incidents par ligne.",
                   data("Fréquentation et incidents par ligne et par heure")),
            _party("plaine-mobilites", Role.DATA_PROVIDER,
                   "Fournit les signalements de ses conducteurs, anonymisés.",
                   data("Signalements des conducteurs, anonymisés")),
            _party("irsu", Role.EVALUATOR,
                   "Conduit l'enquête de victimation et rédige le rapport.",
                   expertise("Enquête de victimation auprès de 2 000 usagers"),
                   money("35000", "EUR", "Part propre de l'enquête")),
        ],
        "rules": ALL_RULES,
        "documents": [
            document(DK.SIGNED_AGREEMENT, "Convention de partenariat signée", D(2023, 8, 30)),
            document(DK.EVALUATION_REPORT, "Rapport final du diagnostic", D(2025, 7, 10)),
            document(DK.MINUTES, "Relevé de décisions du comité de pilotage, mars 2025",
                     D(2025, 3, 18), DV.PARTIES),
            document(DK.MINUTES, "Note interne sur le budget de l'enquête", D(2025, 2, 3),
                     DV.INTERNAL),
        ],
    },
    {
        "title": "Safe nights around Gent-Sint-Pieters station",
        "lead": "gent",
        "territory": "Gent",
        "language": "en",
        "status": S.ACTIVE,
        "summary": "Street wardens, better lighting and a shared incident log for the station "
                   "square and the tram stops.",
        "starts_on": D(2025, 5, 1),
        "ends_on": D(2028, 4, 30),
        "next_review_on": D(2027, 5, 1),
        "goals": ["A safe and lively station district",
                  "Shared incident data between city, police and public transport"],
        "groups": ["commuters", "night-workers", "homeless", "residents"],
        "parties": [
            _party("gent", Role.LEAD_AUTHORITY,
                   "Chairs the steering committee and employs the street wardens.",
                   days("500", "Four street wardens"),
                   money("140000", "EUR", "Lighting of the station square")),
            _party("police-gent", Role.REGULATORY_AUTHORITY,
                   "Keeps sole use of police powers and shares monthly aggregated figures.",
                   data("Monthly aggregated incident figures")),
            _party("de-lijn", Role.OPERATIONAL_PARTNER,
                   "Reports incidents at tram stops and adapts late-evening services.",
                   data("Incidents at tram stops, anonymised")),
            _party("kouter-retail", Role.CO_FUNDER,
                   "Co-funds the wardens' evening shifts.",
                   money("40000", "EUR", "Evening shifts of the street wardens")),
            _party("voka-ovl", Role.FACILITATOR,
                   "Brings the station-area businesses into the steering committee.",
                   expertise("Business liaison")),
        ],
        "rules": ALL_RULES,
    },
    {
        "title": "Shared incident dashboard for the station district",
        "lead": "gent",
        "territory": "Gent",
        "language": "en",
        "status": S.DRAFT,
        "summary": "A dashboard of aggregated incidents fed by the city, the police and De Lijn.",
        "goals": ["Shared incident data between city, police and public transport"],
        "groups": ["commuters"],
        "parties": [
            _party("gent", Role.LEAD_AUTHORITY, "Builds and hosts the dashboard."),
            _party("de-lijn", Role.DATA_PROVIDER, "Provides daily incident extracts."),
        ],
        "rules": [],
    },
    {
        "title": "Carré : une vie nocturne apaisée",
        "lead": "liege",
        "territory": "Liège",
        "language": "fr",
        "status": S.CONCLUDED,
        "summary": "Charte des exploitants, stewards formés et point d'écoute les nuits de "
                   "week-end dans le quartier du Carré.",
        "starts_on": D(2023, 3, 1),
        "ends_on": D(2025, 6, 30),
        "goals": ["Une vie nocturne apaisée dans le Carré",
                  "Campagne « Bien rentrer » auprès des noctambules"],
        "groups": ["young-people", "night-workers", "women"],
        "parties": [
            _party("liege", Role.LEAD_AUTHORITY,
                   "Coordonne la charte des exploitants et finance le point d'écoute.",
                   money("70000", "EUR", "Point d'écoute des nuits de week-end")),
            _party("police-liege", Role.REGULATORY_AUTHORITY,
                   "Assure les contrôles et partage les interventions agrégées."),
            _party("carre-nuit", Role.CO_FUNDER,
                   "Forme son personnel et cofinance les stewards.",
                   money("25000", "EUR", "Stewards de rue"),
                   days("60", "Personnel formé à l'accueil et à la désescalade")),
            _party("securilux", Role.SERVICE_PROVIDER,
                   "Fournit des stewards sans pouvoir de police, sous la coordination de la Ville.",
                   days("120", "Stewards de rue les nuits de week-end")),
            _party("gcv-liege", Role.FACILITATOR,
                   "Anime la charte des exploitants et le dialogue avec les riverains.",
                   expertise("Animation de la charte des exploitants")),
        ],
        "rules": ALL_RULES,
    },
    {
        "title": "Safe tourism in Ciutat Vella",
        "lead": "barcelona",
        "territory": "Barcelona",
        "language": "en",
        "status": S.ACTIVE,
        "summary": "Prevention campaigns, street educators and joint patrols against "
                   "pickpocketing in the old town.",
        "starts_on": D(2025, 4, 1),
        "ends_on": D(2027, 3, 31),
        "next_review_on": D(2026, 10, 1),
        "goals": ["Reduce pickpocketing in Ciutat Vella",
                  "A standing public-private round table on tourism and safety"],
        "groups": ["visitors", "residents", "shop-owners", "partners-customers"],
        "parties": [
            _party("barcelona", Role.LEAD_AUTHORITY,
                   "Leads the round table and the prevention campaigns.",
                   money("200000", "EUR", "Prevention campaigns in five languages")),
            _party("guardia-urbana", Role.REGULATORY_AUTHORITY,
                   "Plans patrols and keeps sole use of police powers.",
                   days("900", "Foot patrols in Ciutat Vella")),
            _party("hotels-ciutat-vella", Role.CO_FUNDER,
                   "Co-funds the campaigns and briefs hotel staff.",
                   money("60000", "EUR", "Campaign printing and distribution")),
            _party("barnavila", Role.DATA_PROVIDER,
                   "Shares anonymised theft reports from its shops.",
                   data("Anonymised theft reports from 14 shops")),
            _party("carrer-segur", Role.OPERATIONAL_PARTNER,
                   "Street educators work with young people drawn into pickpocketing.",
                   expertise("Street education")),
            _party("cambra-barcelona", Role.FACILITATOR,
                   "Convenes the business members of the round table."),
        ],
        "rules": ALL_RULES,
    },
    {
        "title": "Safe-shopping label for partner shops",
        "lead": "barcelona",
        "territory": "Barcelona",
        "language": "en",
        "status": S.NEGOTIATION,
        "summary": "A label for shops whose staff are trained to help customers who are robbed.",
        "internal_notes": "Serves only the partners' own customers so far: widen it before "
                          "activation.",
        "groups": ["partners-customers"],
        "parties": [
            _party("barcelona", Role.LEAD_AUTHORITY, "Awards the label and checks the training."),
            _party("barnavila", Role.OPERATIONAL_PARTNER, "Trains staff in its 14 shops.",
                   days("40", "Staff training")),
            _party("hotels-ciutat-vella", Role.CO_FUNDER, "Co-funds the label's launch.",
                   money("10000", "EUR", "Label launch")),
        ],
        "rules": [RC.GOVERNANCE, RC.CONFLICT_OF_INTEREST],
    },
    {
        "title": "Safer evenings in the university district",
        "lead": "bologna",
        "territory": "Bologna",
        "language": "en",
        "status": S.CONCLUDED,
        "summary": "Night stewards, a student night-walk service and an evaluation by the "
                   "university in Via Zamboni and Piazza Verdi.",
        "starts_on": D(2024, 2, 1),
        "ends_on": D(2025, 12, 31),
        "goals": ["Safer evenings in the university district",
                  "Evaluate prevention projects with the university"],
        "groups": ["young-people", "residents", "women"],
        "parties": [
            _party("bologna", Role.LEAD_AUTHORITY, "Coordinates the scheme and the stewards.",
                   money("85000", "EUR", "Night stewards")),
            _party("polizia-locale-bologna", Role.REGULATORY_AUTHORITY,
                   "Enforces the by-laws and shares complaint figures.",
                   data("Monthly complaint figures")),
            _party("unibo-lab", Role.EVALUATOR, "Evaluates the scheme and publishes the report.",
                   expertise("Before-and-after evaluation")),
            _party("emilia-vigilanza", Role.SERVICE_PROVIDER,
                   "Provides unarmed night stewards under the city's coordination.",
                   days("240", "Night stewards")),
            _party("ascom-bologna", Role.CO_FUNDER,
                   "Co-funds the night-walk service and informs member shops.",
                   money("20000", "EUR", "Student night-walk service")),
            _party("istituto-aldini", Role.OPERATIONAL_PARTNER,
                   "Hosts awareness sessions for its evening-class students."),
        ],
        "rules": ALL_RULES,
        "documents": [
            document(DK.SIGNED_AGREEMENT, "Partnership agreement, signed", D(2024, 1, 25)),
            document(DK.EVALUATION_REPORT, "Final evaluation by the University of Bologna",
                     D(2026, 1, 20)),
        ],
    },
    {
        "title": "St. Georg: outreach around the Hauptbahnhof",
        "lead": "hamburg-mitte",
        "territory": "Hamburg",
        "language": "en",
        "status": S.ACTIVE,
        "summary": "Outreach workers, a day shelter and a coordination forum of businesses, "
                   "the district office and the police.",
        "starts_on": D(2025, 2, 1),
        "ends_on": D(2029, 1, 31),
        "next_review_on": D(2027, 2, 1),
        "goals": ["Outreach and shelter for homeless people around the Hauptbahnhof",
                  "Coordinate businesses, city and police in St. Georg"],
        "groups": ["homeless", "commuters", "residents"],
        "parties": [
            _party("hamburg-mitte", Role.LEAD_AUTHORITY,
                   "Funds the day shelter and chairs the coordination forum.",
                   money("300000", "EUR", "Day shelter running costs")),
            _party("polizei-hamburg", Role.REGULATORY_AUTHORITY,
                   "Keeps sole use of police powers and refers people to the outreach team."),
            _party("hansa-bahnhof", Role.CO_FUNDER,
                   "Co-funds outreach workers and gives them access to the station.",
                   money("90000", "EUR", "Two outreach workers"),
                   in_kind("Rooms in the station for counselling")),
            _party("strassenhilfe", Role.OPERATIONAL_PARTNER,
                   "Runs street outreach and the day shelter.",
                   days("700", "Outreach workers and shelter staff")),
            _party("bid-lange-reihe", Role.FACILITATOR,
                   "Brings the street's businesses into the forum."),
            _party("handelskammer-hamburg", Role.EXPERT_ADVISER,
                   "Advises on involving businesses without shifting public responsibilities.",
                   expertise("Advice on business involvement")),
        ],
        "rules": ALL_RULES,
    },
    {
        "title": "Northern Quarter night-time economy partnership",
        "lead": "manchester",
        "territory": "Manchester",
        "language": "en",
        "status": S.ACTIVE,
        "summary": "Welfare staff in venues, a safe haven on Friday and Saturday nights and "
                   "shared patrol plans.",
        "starts_on": D(2025, 6, 1),
        "ends_on": D(2027, 5, 31),
        "next_review_on": D(2026, 11, 1),
        "goals": ["A safe night-time economy in the Northern Quarter",
                  "Publish what community safety partnerships achieve"],
        "groups": ["night-workers", "women", "young-people", "residents"],
        "parties": [
            _party("manchester", Role.LEAD_AUTHORITY,
                   "Chairs the partnership and runs the safe haven.",
                   money("110000", "GBP", "Safe haven on weekend nights")),
            _party("gmp", Role.REGULATORY_AUTHORITY,
                   "Plans patrols and keeps sole use of police powers.",
                   data("Weekend incident figures, aggregated")),
            _party("quarter-venues", Role.CO_FUNDER,
                   "Trains welfare staff in its venues and co-funds the safe haven.",
                   money("30000", "GBP", "Safe haven staffing"),
                   days("150", "Welfare staff in venues")),
            _party("pennine-guarding", Role.SERVICE_PROVIDER,
                   "Provides licensed door staff trained in welfare and de-escalation.",
                   days("200", "Door staff")),
            _party("manchester-bid", Role.FACILITATOR,
                   "Recruits venues and runs the partnership's newsletter.",
                   expertise("Venue liaison")),
            _party("night-shelter", Role.OPERATIONAL_PARTNER,
                   "Offers a bed to rough sleepers met by the patrols."),
        ],
        "rules": ALL_RULES,
    },
    {
        "title": "Piccadilly Gardens shared CCTV pact",
        "lead": "manchester",
        "territory": "Manchester",
        "language": "en",
        "status": S.TERMINATED,
        "path": [S.NEGOTIATION, S.ACTIVE, S.TERMINATED],
        "summary": "Shared access to retailers' cameras around Piccadilly Gardens.",
        "starts_on": D(2025, 4, 1),
        "ends_on": D(2026, 3, 31),
        "internal_notes": "Terminated after the data-protection review found the retention "
                          "periods unlawful.",
        "goals": ["Reduce retail crime in the city centre"],
        "groups": ["commuters", "residents"],
        "parties": [
            _party("manchester", Role.LEAD_AUTHORITY, "Ran the control room link."),
            _party("gmp", Role.REGULATORY_AUTHORITY, "Had access to footage on request only."),
            _party("tfgm", Role.DATA_PROVIDER, "Shared tram-stop camera feeds.",
                   data("Tram-stop camera feeds")),
            _party("arndale-retail", Role.DATA_PROVIDER, "Shared shopping-centre camera feeds.",
                   data("Shopping-centre camera feeds")),
        ],
        "rules": [RC.GOVERNANCE, RC.DATA_PROTECTION, RC.CONFLICT_OF_INTEREST, RC.EXIT],
    },
    {
        "title": "City-centre retail crime partnership",
        "lead": "manchester",
        "territory": "Manchester",
        "language": "en",
        "status": S.NEGOTIATION,
        "summary": "Radio link between shops, a shared offender-behaviour approach and "
                   "diversion for first-time offenders.",
        "starts_on": D(2027, 1, 1),
        "goals": ["Reduce retail crime in the city centre"],
        "groups": ["shop-owners", "residents"],
        "parties": [
            _party("manchester", Role.LEAD_AUTHORITY, "Leads and funds the diversion scheme."),
            _party("gmp", Role.REGULATORY_AUTHORITY, "Handles reports from the radio link."),
            _party("arndale-retail", Role.CO_FUNDER, "Funds the radio link.",
                   money("45000", "GBP", "Shop radio link")),
            _party("manchester-bid", Role.FACILITATOR, "Signs up independent shops."),
        ],
        "rules": [RC.GOVERNANCE, RC.DATA_PROTECTION, RC.FUNDING],
    },
]

# Calls for partners. Their dates count in days from the day of the first load, so that the open
# calls still take answers when a newcomer looks; the loader finds a call again by its body and
# title, never by a date.
CS = CallStatus


def _call(key, lead, title, status, opens, closes, kinds, goals, territory, description):
    return {"key": key, "lead": lead, "title": title, "status": status, "opens": opens,
            "closes": closes, "kinds": kinds, "goals": goals, "territory": territory,
            "description": description}


CALLS = [
    _call("sd-gare", "saint-denis",
          "Trajets de nuit autour de la gare : appel à partenaires privés", CS.OPEN, -14, 45,
          [C.HUMAN_RESOURCES, C.IN_KIND, C.FINANCIAL],
          ["Sécuriser les abords de la gare et les trajets de nuit"], "Saint-Denis",
          "La Ville cherche des entreprises prêtes à renforcer la présence humaine et "
          "l'éclairage entre la gare, les arrêts de bus de nuit et les quartiers voisins, de "
          "21 h à 1 h. Les agents privés n'exercent aucun pouvoir de police et sont coordonnés "
          "par la Ville. Dites ce que vous proposez et ce que vous attendez du partenariat."),
    _call("sd-observatoire", "saint-denis",
          "Observatoire de la tranquillité publique : données des acteurs économiques", CS.OPEN,
          -30, 20, [C.DATA, C.EXPERTISE],
          ["Créer un observatoire partagé de la tranquillité publique"], "Saint-Denis",
          "L'observatoire réunit des données anonymisées et agrégées sur les incidents et le "
          "sentiment de sécurité. Nous cherchons des entreprises qui tiennent un registre "
          "d'incidents (main-courantes, signalements de clients ou de salariés) et acceptent de "
          "le partager selon les règles de protection des données du partenariat."),
    _call("aub-livraisons", "aubervilliers",
          "Quartier des grossistes : des livraisons de nuit plus sûres", CS.CLOSED, -60, 10,
          [C.FINANCIAL, C.HUMAN_RESOURCES, C.IN_KIND],
          ["Apaiser le quartier des grossistes la nuit"], "Aubervilliers",
          "La Ville cherchait des partenaires pour relancer le gardiennage mutualisé des zones "
          "de livraison, suspendu en attendant son évaluation : financement, agents de nuit ou "
          "équipements (éclairage, barrières)."),
    _call("gent-station", "gent", "Safe nights in the station district: call for private partners",
          CS.OPEN, -7, 30, [C.HUMAN_RESOURCES, C.EXPERTISE, C.IN_KIND],
          ["A safe and lively station district"], "Gent",
          "Stad Gent invites businesses around Gent-Sint-Pieters to help keep the station "
          "district safe and lively at night: hosts and stewards, training in de-escalation, "
          "lighting and shelter. Private staff hold no police powers and work with the city's "
          "street workers."),
    _call("gent-dashboard", "gent", "Data partners for the shared incident dashboard", CS.DRAFT,
          14, 75, [C.DATA], ["Shared incident data between city, police and public transport"],
          "Gent",
          "Businesses that could add their incident logs to the station district dashboard, "
          "anonymised and aggregated. Not published yet: the data-sharing rules come first."),
    _call("mcr-night", "manchester", "Northern Quarter night-time economy: partners wanted",
          CS.OPEN, -10, 35, [C.FINANCIAL, C.HUMAN_RESOURCES, C.EXPERTISE],
          ["A safe night-time economy in the Northern Quarter"], "Manchester",
          "The council looks for venues, security firms and technology partners to fund street "
          "hosts, train door staff in welfare and vulnerability, and keep taxi marshalling "
          "running on Friday and Saturday nights."),
]

ES = EoiStatus


def _eoi(call, org, title, status, summary, offers, contact, *, public_body=None,
         expectations="", goals=(), groups=(), comments=(), decline_reason="", accept=None):
    """An expression of interest, on the call with key ``call`` or, when that is None,
    spontaneous and addressed to ``public_body``."""
    return {"call": call, "public_body": public_body, "org": org, "title": title, "status": status,
            "summary": summary, "offers": offers, "contact": contact,
            "expectations": expectations, "goals": list(goals), "groups": list(groups),
            "comments": list(comments), "decline_reason": decline_reason, "accept": accept}


def _accept(partnership, role, responsibilities):
    return {"partnership": partnership, "role": role, "responsibilities": responsibilities}


MOREAU = ("Julien Moreau", "j.moreau@securite-plaine.example", "+33 1 55 87 10 10")
HADDAD = ("Karim Haddad", "k.haddad@commerce-nord.example", "+33 1 43 52 20 20")

EXPRESSIONS_OF_INTEREST = [
    _eoi("sd-gare", "securite-plaine",
         "Rondes de prévention entre la gare et les arrêts de bus de nuit", ES.DRAFT,
         "Deux agents de prévention, sans pouvoir de police, font des rondes entre la gare et "
         "les arrêts de bus de nuit de 21 h à 1 h, en lien avec le poste de coordination de la "
         "Ville.",
         [days("180", "Deux agents de prévention en soirée, cinq soirs par semaine")], MOREAU,
         expectations="Un protocole d'alerte clair avec la police et une place au comité de "
                      "pilotage.",
         goals=["Sécuriser les abords de la gare et les trajets de nuit"],
         groups=["commuters", "night-workers", "women"]),
    _eoi("sd-gare", "boulangerie-marche",
         "Vitrine éclairée et refuge pour les passants rue de la République", ES.SUBMITTED,
         "La boulangerie garde sa vitrine éclairée jusqu'à 22 h et accueille toute personne qui "
         "se sent en danger le temps que l'aide arrive.",
         [in_kind("Vitrine éclairée et accueil des passants jusqu'à 22 h")],
         ("Sophie Caron", "contact@boulangerie-marche.example", "+33 1 48 20 11 22"),
         groups=["women", "elderly", "residents"]),
    _eoi("sd-gare", "plaine-mobilites", "Agents de prévention supplémentaires dans les bus de nuit",
         ES.UNDER_REVIEW,
         "Nous ajoutons deux agents de prévention sur les lignes de nuit qui desservent la gare, "
         "du jeudi au samedi, et partageons leurs signalements avec la Ville.",
         [days("120", "Deux agents de prévention du jeudi au samedi"),
          money("25000", "EUR", "Formation des conducteurs à la gestion des conflits")],
         ("Nadia Ferhat", "n.ferhat@plaine-mobilites.example", "+33 1 49 17 30 30"),
         expectations="Que les arrêts de bus de nuit soient éclairés en priorité.",
         goals=["Sécuriser les abords de la gare et les trajets de nuit"],
         groups=["commuters", "night-workers"],
         comments=["Vérifier avec IDFM que ces agents ne sont pas déjà financés par le contrat "
                   "d'exploitation."]),
    _eoi("sd-gare", "vigie-express", "Équipes cynophiles aux sorties de la gare", ES.SUBMITTED,
         "Deux équipes cynophiles en patrouille aux sorties de la gare les vendredis et samedis "
         "soir.",
         [days("100", "Deux équipes cynophiles, vendredi et samedi soir")],
         ("Marc Dubreuil", "m.dubreuil@vigie-express.example", "")),
    _eoi("sd-observatoire", "securite-plaine", "Main-courantes anonymisées des rondes de soirée",
         ES.ACCEPTED,
         "Nous transmettons chaque mois à l'observatoire les main-courantes de nos rondes, "
         "anonymisées et agrégées par secteur et par heure.",
         [data("Main-courantes mensuelles, anonymisées et agrégées par secteur")], MOREAU,
         expectations="Recevoir les analyses de l'observatoire pour adapter nos rondes.",
         goals=["Créer un observatoire partagé de la tranquillité publique"],
         groups=["residents"],
         accept=_accept("Gare de Saint-Denis : des trajets de nuit plus sûrs", Role.DATA_PROVIDER,
                        "Transmet chaque mois ses main-courantes anonymisées à l'observatoire, "
                        "selon les règles de protection des données du partenariat.")),
    _eoi("sd-observatoire", "grand-stade", "Comptages de foule et incidents les soirs d'événement",
         ES.SHORTLISTED,
         "Après chaque événement, nous partageons les comptages de foule aux abords du stade et "
         "le relevé des incidents signalés à notre poste de sécurité.",
         [data("Comptages de foule et incidents, par événement"),
          expertise("Méthode de comptage des flux piétons")],
         ("Hélène Brunet", "securite@grand-stade.example", "+33 1 55 93 00 00"),
         groups=["visitors", "residents"]),
    _eoi("sd-observatoire", "commerce-nord", "Signalements de vols dans nos magasins", ES.DECLINED,
         "Nous partageons chaque trimestre le nombre de vols et d'incidents signalés dans nos "
         "trois magasins.",
         [data("Incidents signalés en magasin, par trimestre")], HADDAD,
         decline_reason="Merci de votre proposition. L'observatoire couvre le territoire de "
                        "Saint-Denis et vos magasins sont à Aubervilliers : la Ville "
                        "d'Aubervilliers prépare un dispositif comparable, adressez-lui votre "
                        "offre."),
    _eoi("aub-livraisons", "commerce-nord", "Éclairage des quais de livraison de la rue du Fort",
         ES.ACCEPTED,
         "Nous finançons l'éclairage des quais de livraison de la rue du Fort et prêtons le "
         "parking du magasin aux agents de nuit.",
         [money("12000", "EUR", "Éclairage des quais de livraison"),
          in_kind("Parking du magasin pour les agents de nuit")], HADDAD,
         expectations="Être associés aux réunions mensuelles entre grossistes, Ville et police.",
         goals=["Apaiser le quartier des grossistes la nuit"],
         groups=["night-workers", "shop-owners"],
         accept=_accept("Grossistes du Fort : sécuriser les livraisons de nuit", Role.CO_FUNDER,
                        "Finance l'éclairage des quais de livraison et prête son parking aux "
                        "agents de nuit.")),
    _eoi("aub-livraisons", "gardiennage-rapide", "Gardiennage des zones de livraison", ES.DECLINED,
         "Trois agents de gardiennage de 22 h à 6 h sur les zones de livraison.",
         [days("250", "Trois agents de nuit")],
         ("Franck Morel", "f.morel@gardiennage-rapide.example", ""),
         decline_reason="Votre organisation n'a pas pu être vérifiée : l'autorisation d'exercer "
                        "une activité de sécurité privée n'a pas été produite. Une organisation "
                        "non vérifiée ne peut pas devenir partie à un partenariat."),
    _eoi("aub-livraisons", "securite-plaine", "Un agent de plus sur les quais de livraison",
         ES.WITHDRAWN,
         "Un agent supplémentaire de 22 h à 6 h sur les quais de livraison, en renfort de "
         "l'équipe que nous y plaçons déjà.",
         [days("120", "Un agent de nuit supplémentaire")], MOREAU),
    _eoi("gent-station", "kouter-retail", "Store hosts on the station square on Friday nights",
         ES.SUBMITTED,
         "Two of our trained store hosts welcome travellers on the station square on Friday "
         "nights and call the city's street workers when someone needs help.",
         [days("50", "Two store hosts on Friday nights"),
          in_kind("A heated waiting area in our station shop until midnight")],
         ("Lotte Claes", "l.claes@kouter-retail.example", "+32 9 225 40 40"),
         goals=["A safe and lively station district"], groups=["commuters", "homeless"]),
    _eoi("gent-station", "securilux", "De-escalation training for the station district's stewards",
         ES.SHORTLISTED,
         "We train the stewards of the station district's shops and car parks in de-escalation "
         "and first aid, in Dutch and in French.",
         [expertise("Six days of de-escalation training"),
          money("8000", "EUR", "Training venue and materials")],
         ("Marie Lambert", "m.lambert@securilux.example", "+32 4 220 10 10"),
         groups=["commuters"]),
    _eoi(None, "nordwache", "Night patrols around the Hauptbahnhof with outreach workers",
         ES.SUBMITTED,
         "Our guards patrol the side streets of the Hauptbahnhof at night together with the "
         "outreach workers of Straßenhilfe, never alone, and hand over to them when a homeless "
         "person needs help.",
         [days("200", "Two guards, four nights a week")],
         ("Jonas Petersen", "j.petersen@nordwache.example", "+49 40 555 0101"),
         public_body="hamburg-mitte",
         goals=["Outreach and shelter for homeless people around the Hauptbahnhof"],
         groups=["homeless", "commuters"]),
    _eoi("mcr-night", "quarter-venues", "Street hosts and welfare training for door staff",
         ES.SUBMITTED,
         "We co-fund street hosts on Friday and Saturday nights and send all our door staff to "
         "welfare and vulnerability training.",
         [money("30000", "GBP", "Street hosts on Friday and Saturday nights"),
          expertise("Welfare and vulnerability training for door staff")],
         ("Dan Whitfield", "dan@quarter-venues.example", "+44 161 555 0123"),
         goals=["A safe night-time economy in the Northern Quarter"],
         groups=["night-workers", "women", "young-people"]),
    _eoi("mcr-night", "safe-streets-tech", "An anonymous reporting app for the Northern Quarter",
         ES.DRAFT,
         "An app for anyone on a night out to report harassment anonymously; the reports reach "
         "the street hosts as they happen.",
         [expertise("The reporting app and six months of support")],
         ("Priya Shah", "priya@safe-streets-tech.example", "")),
]
