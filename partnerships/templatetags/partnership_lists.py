"""Lists of partnerships that the pages of lower apps (an organisation, a goal) include, so
that those apps need not know of partnerships."""

from django import template

from partnerships import selectors
from partnerships.compliance import body_scorecard, scorecard_queryset

register = template.Library()

RELATED_LIST = "partnerships/_parts.html#related_list"


@register.inclusion_tag(RELATED_LIST, takes_context=True)
def partnerships_with_party(context, organisation, heading):
    user = context["request"].user
    return {"heading": heading, "public": not user.is_authenticated,
            "partnerships": selectors.partnerships_with_party(user=user, organisation=organisation)}


@register.inclusion_tag(RELATED_LIST, takes_context=True)
def partnerships_led_by(context, organisation, heading):
    user = context["request"].user
    return {"heading": heading, "public": not user.is_authenticated,
            "partnerships": selectors.partnerships_led_by(user=user, organisation=organisation)}


@register.inclusion_tag(RELATED_LIST, takes_context=True)
def partnerships_serving(context, goal, heading):
    user = context["request"].user
    return {"heading": heading, "public": not user.is_authenticated,
            "partnerships": selectors.partnerships_serving(user=user, goal=goal)}


@register.inclusion_tag("partnerships/_parts.html#body_scorecard")
def body_compliance(organisation):
    """The scorecard of the published partnerships a body leads (what everyone may read)."""
    partnerships = scorecard_queryset(selectors.published_led_by(organisation=organisation))
    return {"card": body_scorecard(partnerships)}
