from django.urls import path

from core.api.routers import RegistryRouter

from .views import (
    ContributionOfferViewSet,
    DismissSuggestionView,
    DraftPartnershipView,
    GoalSuggestionsView,
    InvitationView,
    NeedViewSet,
    OrganisationSuggestionsView,
    ProjectViewSet,
)

app_name = "projects-api"

router = RegistryRouter()
router.register("projects", ProjectViewSet, basename="project")
router.register("needs", NeedViewSet, basename="need")
router.register("contribution-offers", ContributionOfferViewSet, basename="contribution-offer")

urlpatterns = [
    path("goals/<int:pk>/suggestions/", GoalSuggestionsView.as_view(), name="goal-suggestions"),
    path("goals/<int:pk>/suggestions/dismiss/", DismissSuggestionView.as_view(),
         name="goal-suggestions-dismiss"),
    path("goals/<int:pk>/draft-partnership/", DraftPartnershipView.as_view(),
         name="goal-draft-partnership"),
    path("organisations/<int:pk>/suggestions/", OrganisationSuggestionsView.as_view(),
         name="organisation-suggestions"),
    path("invitations/", InvitationView.as_view(), name="invitation-create"),
    *router.urls,
]
