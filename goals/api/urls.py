from core.api.routers import RegistryRouter

from .views import (
    CommunityGroupViewSet,
    GoalViewSet,
    IndicatorViewSet,
    MeasurementViewSet,
    StrategyViewSet,
)

app_name = "goals-api"

router = RegistryRouter()
router.register("strategies", StrategyViewSet, basename="strategy")
router.register("goals", GoalViewSet, basename="goal")
router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("measurements", MeasurementViewSet, basename="measurement")
router.register("community-groups", CommunityGroupViewSet, basename="community-group")

urlpatterns = router.urls
