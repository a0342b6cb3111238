import factory
from factory.django import DjangoModelFactory

from goals.choices import Area
from projects.choices import ProjectState, Visibility
from tests import factories as f


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = "projects.Project"

    organisation = factory.SubFactory(f.OrganisationFactory)
    title = factory.Sequence(lambda n: f"Night-time mediation project {n}")
    summary = "Mediators walk the station square on Friday and Saturday nights."
    area = Area.INTERVENTION_PROJECTS
    territory = "Saint-Denis"
    state = ProjectState.RUNNING
    visibility = Visibility.PUBLIC
