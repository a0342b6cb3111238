from django.db import models
from django.utils.translation import gettext_lazy as _


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


# A call anyone may read once its body has published it.
PUBLISHED_CALL_STATUSES = [CallStatus.OPEN, CallStatus.CLOSED]


class EoiStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Who moves an expression of interest where: the firm submits and withdraws, the
# coordinators of the body it is addressed to review it.
FIRM_TRANSITIONS = {
    EoiStatus.DRAFT: {EoiStatus.SUBMITTED},
    EoiStatus.SUBMITTED: {EoiStatus.WITHDRAWN},
    EoiStatus.UNDER_REVIEW: {EoiStatus.WITHDRAWN},
    EoiStatus.SHORTLISTED: {EoiStatus.WITHDRAWN},
}
REVIEW_TRANSITIONS = {
    EoiStatus.SUBMITTED: {EoiStatus.UNDER_REVIEW, EoiStatus.SHORTLISTED, EoiStatus.DECLINED},
    EoiStatus.UNDER_REVIEW: {EoiStatus.SHORTLISTED, EoiStatus.ACCEPTED, EoiStatus.DECLINED},
    EoiStatus.SHORTLISTED: {EoiStatus.ACCEPTED, EoiStatus.DECLINED},
}
# The firm edits its submission until a coordinator starts reviewing it.
FIRM_EDITABLE_STATUSES = [EoiStatus.DRAFT, EoiStatus.SUBMITTED]
# What the body's coordinators see: everything the firm has sent them.
SENT_STATUSES = [status for status in EoiStatus.values if status != EoiStatus.DRAFT]
