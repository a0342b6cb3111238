"""The shapes of the figures, for the OpenAPI document (the views build plain dictionaries)."""

from rest_framework import serializers


class CountSerializer(serializers.Serializer):
    key = serializers.CharField(allow_null=True, help_text="The value grouped on (a code, a city, a year).")
    label = serializers.CharField(help_text="The value for people, in the request's language.")
    count = serializers.IntegerField()


class PartnershipFiguresSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    by_status = CountSerializer(many=True)
    by_city = CountSerializer(many=True)
    by_area = CountSerializer(many=True, help_text="A partnership counts once in each area of its goals.")
    by_community_group = CountSerializer(many=True)
    by_year = CountSerializer(many=True, help_text="By the year the agreement starts.")


class AmountSerializer(serializers.Serializer):
    currency = serializers.CharField()
    amount = serializers.DecimalField(max_digits=30, decimal_places=2)


class ContributionGroupSerializer(CountSerializer):
    amounts = AmountSerializer(many=True, help_text="Financial contributions, summed per currency.")
    amount_eur = serializers.DecimalField(
        max_digits=30, decimal_places=2,
        help_text="All amounts in euros, at the rate in force on each partnership's start date.",
    )
    unconverted = serializers.IntegerField(
        help_text="Financial contributions left out of amount_eur: no rate for their currency and date.",
    )
    person_days = serializers.DecimalField(max_digits=20, decimal_places=1)


class ContributionFiguresSerializer(serializers.Serializer):
    total = ContributionGroupSerializer()
    by_kind = ContributionGroupSerializer(many=True)
    by_sector = ContributionGroupSerializer(many=True, help_text="By the sector of the contributing party.")
    by_city = ContributionGroupSerializer(many=True)
    by_area = ContributionGroupSerializer(many=True)
    by_year = ContributionGroupSerializer(many=True)


class IndicatorCountsSerializer(serializers.Serializer):
    indicators = serializers.IntegerField()
    measured = serializers.IntegerField()
    on_track = serializers.IntegerField(
        help_text="Latest measurement better than the baseline, in the indicator's direction.",
    )
    reached = serializers.IntegerField(help_text="Latest measurement at or beyond the target.")
    share_on_track = serializers.FloatField(allow_null=True)


class IndicatorAreaSerializer(IndicatorCountsSerializer):
    key = serializers.CharField()
    label = serializers.CharField()


class IndicatorFiguresSerializer(serializers.Serializer):
    total = IndicatorCountsSerializer()
    by_area = IndicatorAreaSerializer(many=True)
