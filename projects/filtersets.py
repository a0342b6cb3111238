import django_filters
from django.utils.translation import gettext_lazy as _

from actors.choices import Sector, VerificationStatus
from actors.models import Organisation
from core.filtersets import ChoicesFilter, RegistryFilterSet, SortFilter
from goals.choices import Area
from goals.filtersets import CommunityGroupFilter, GoalFilter, GoalLinkFilters
from goals.models import Goal
from partnerships.choices import ContributionKind

from .choices import ProjectState, Visibility
from .models import ContributionOffer, Need, Project


class ProjectFilterSet(GoalLinkFilters, RegistryFilterSet):
    """Filters on projects; to-many filters use subqueries, so rows are never duplicated."""

    search_fields = ("title", "summary", "territory", "results", "lessons_learned")

    area = ChoicesFilter(Area, label=_("Area"))
    state = ChoicesFilter(ProjectState, label=_("State"))
    visibility = ChoicesFilter(Visibility, label=_("Who may read it"))
    territory = django_filters.CharFilter(lookup_expr="iexact", label=_("Territory"), max_length=120)
    country = django_filters.CharFilter(
        field_name="organisation__country", lookup_expr="iexact", label=_("Country"), max_length=2
    )
    sector = ChoicesFilter(Sector, field_name="organisation__sector", label=_("Sector of the organisation"))
    # Verified organisations only: their names are public; others' are not offered as choices.
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.filter(verification_status=VerificationStatus.VERIFIED),
        label=_("Run by"),
    )
    goal = GoalFilter(label=_("Goal served"))
    community_group = CommunityGroupFilter(label=_("Community group served"))
    ordering = SortFilter(
        ("title", "title"), ("starts_on", "starts_on"), ("updated_at", "updated"), ("id", "id")
    )

    class Meta:
        model = Project
        fields = ["organisation"]

class NeedFilterSet(RegistryFilterSet):
    search_fields = ("description", "territory", "goal__title")

    goal = django_filters.ModelChoiceFilter(queryset=Goal.objects.all(), label=_("Goal"))
    kind = ChoicesFilter(ContributionKind, label=_("Contribution sought"))
    area = ChoicesFilter(Area, field_name="goal__area", label=_("Area"))
    territory = django_filters.CharFilter(lookup_expr="iexact", label=_("Territory"), max_length=120)
    is_open = django_filters.BooleanFilter(label=_("Still open"))

    class Meta:
        model = Need
        fields = ["goal"]


class OfferFilterSet(RegistryFilterSet):
    search_fields = ("description", "expectations", "territory", "organisation__name")

    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.filter(verification_status=VerificationStatus.VERIFIED),
        label=_("Organisation"),
    )
    kind = ChoicesFilter(ContributionKind, label=_("Kind of contribution"))
    area = ChoicesFilter(Area, label=_("Area"))
    territory = django_filters.CharFilter(lookup_expr="iexact", label=_("Territory"), max_length=120)

    class Meta:
        model = ContributionOffer
        fields = ["organisation"]
