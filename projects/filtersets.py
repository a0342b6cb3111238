import django_filters
from django.utils.translation import gettext_lazy as _

from actors.choices import Sector, VerificationStatus
from actors.models import Organisation
from core.filtersets import ChoicesFilter, RegistryFilterSet
from goals.choices import Area
from goals.models import CommunityGroup, Goal
from partnerships.choices import ContributionKind

from .choices import ProjectState, Visibility
from .models import ContributionOffer, Need, Project


class ProjectFilterSet(RegistryFilterSet):
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
    goal = django_filters.ModelChoiceFilter(
        queryset=Goal.objects.all(), method="filter_goal", label=_("Goal served")
    )
    community_group = django_filters.ModelChoiceFilter(
        queryset=CommunityGroup.objects.all(), to_field_name="code",
        method="filter_community_group", label=_("Community group served"),
    )
    ordering = django_filters.OrderingFilter(
        fields=(("title", "title"), ("starts_on", "starts_on"), ("updated_at", "updated"),
                ("id", "id")),
        label=_("Sort by"),
    )

    class Meta:
        model = Project
        fields = ["organisation"]

    def _through(self, field, **conditions):
        through = Project._meta.get_field(field).remote_field.through
        return through.objects.filter(**conditions).values("project_id")

    def filter_goal(self, queryset, name, value):
        return queryset.filter(pk__in=self._through("goals", goal=value))

    def filter_community_group(self, queryset, name, value):
        return queryset.filter(pk__in=self._through("community_groups", communitygroup=value))


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
