from core.api.routers import RegistryRouter

from .views import (
    ContributionViewSet,
    DocumentViewSet,
    PartnershipViewSet,
    PartyViewSet,
    RuleViewSet,
)

app_name = "partnerships-api"

router = RegistryRouter()
router.register("partnerships", PartnershipViewSet, basename="partnership")
router.register("parties", PartyViewSet, basename="party")
router.register("contributions", ContributionViewSet, basename="contribution")
router.register("rules", RuleViewSet, basename="rule")
router.register("documents", DocumentViewSet, basename="document")

urlpatterns = router.urls
