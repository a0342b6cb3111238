from core.api.viewsets import (
    DestroyMixin,
    ReadOnlyRegistryViewSet,
    RegistryModelViewSet,
    Writes,
)

from .. import selectors, services
from ..filtersets import (
    CommunityGroupFilterSet,
    GoalFilterSet,
    IndicatorFilterSet,
    MeasurementFilterSet,
    StrategyFilterSet,
)
from .serializers import (
    CommunityGroupSerializer,
    GoalCreateSerializer,
    GoalDetailSerializer,
    GoalSerializer,
    GoalWriteSerializer,
    IndicatorCreateSerializer,
    IndicatorSerializer,
    IndicatorWriteSerializer,
    MeasurementCreateSerializer,
    MeasurementSerializer,
    MeasurementWriteSerializer,
    StrategyCreateSerializer,
    StrategyDetailSerializer,
    StrategySerializer,
    StrategyWriteSerializer,
)


class StrategyViewSet(RegistryModelViewSet):
    """Local safety strategies of public bodies: public; written by the owner body's coordinators."""

    selector = staticmethod(selectors.strategy_list)
    detail_selector = staticmethod(selectors.strategy_detail_queryset)
    filterset_class = StrategyFilterSet
    serializer_class = StrategySerializer
    detail_serializer_class = StrategyDetailSerializer
    create_serializer_class = StrategyCreateSerializer
    update_serializer_class = StrategyWriteSerializer
    writes = Writes(object="strategy", create=services.strategy_create, update=services.strategy_update)
    body_field = "owner"


class GoalViewSet(RegistryModelViewSet):
    """Shared goals of the strategies, with their indicators and measurements in the detail."""

    selector = staticmethod(selectors.goal_list)
    detail_selector = staticmethod(selectors.goal_detail_queryset)
    filterset_class = GoalFilterSet
    serializer_class = GoalSerializer
    detail_serializer_class = GoalDetailSerializer
    create_serializer_class = GoalCreateSerializer
    update_serializer_class = GoalWriteSerializer
    writes = Writes(object="goal", create=services.goal_create, update=services.goal_update)


class IndicatorViewSet(RegistryModelViewSet):
    """Measurable indicators of goals, each with its dated measurements."""

    selector = staticmethod(selectors.indicator_list)
    filterset_class = IndicatorFilterSet
    serializer_class = IndicatorSerializer
    create_serializer_class = IndicatorCreateSerializer
    update_serializer_class = IndicatorWriteSerializer
    writes = Writes(object="indicator", create=services.indicator_create, update=services.indicator_update)


class MeasurementViewSet(DestroyMixin, RegistryModelViewSet):
    """Dated values of indicators, never in the future. Whoever may change the indicator
    corrects a wrong value (PUT, PATCH) or withdraws it (DELETE); the history keeps what was
    there and who changed it."""

    selector = staticmethod(selectors.measurement_list)
    filterset_class = MeasurementFilterSet
    serializer_class = MeasurementSerializer
    create_serializer_class = MeasurementCreateSerializer
    update_serializer_class = MeasurementWriteSerializer
    writes = Writes(
        object="measurement", create=services.measurement_record, update=services.measurement_update,
        destroy=services.measurement_withdraw,
    )


class CommunityGroupViewSet(ReadOnlyRegistryViewSet):
    """The groups of the community a partnership may serve (a vocabulary kept in the admin)."""

    selector = staticmethod(selectors.community_group_list)
    filterset_class = CommunityGroupFilterSet
    serializer_class = CommunityGroupSerializer
