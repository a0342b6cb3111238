"""What the calls app adds, through its AppConfig hooks, to a person's download of their data
and to the erasure of their account."""

from django.apps import apps

from accounts.selectors import personal_data_export
from accounts.services import account_erase
from calls.models import ExpressionOfInterest

from . import factories as cf


def test_the_download_holds_the_expressions_of_interest_the_person_wrote(eoi, firm_user):
    calls = apps.get_app_config("calls")

    own = calls.personal_data(firm_user)

    (written,) = own["expressions_of_interest"]
    assert (written["id"], written["contact_email"]) == (eoi.pk, "carol.contact@firm.example")
    assert personal_data_export(user=firm_user)["expressions_of_interest"] == (
        own["expressions_of_interest"]
    )


def test_erasure_blanks_the_contact_details_the_person_gave_or_appears_in(
    eoi, call, firm, firm_user, other_firm_user
):
    # Written by a colleague, with our person as its contact.
    named = cf.EoiFactory(call=call, organisation=firm, submitted_by=other_firm_user,
                          contact_name="Carol", contact_email=firm_user.email.upper(),
                          contact_phone="+33 1 00 00 00 00")
    untouched = cf.EoiFactory(call=call, organisation=firm, submitted_by=other_firm_user,
                              contact_name="Dave", contact_email="dave@other.example")

    account_erase(actor=firm_user, user=firm_user)

    for erased in (eoi, named):
        erased.refresh_from_db()
        assert (erased.contact_name, erased.contact_email, erased.contact_phone) == ("", "", "")
    untouched.refresh_from_db()
    assert untouched.contact_email == "dave@other.example"
    assert ExpressionOfInterest.objects.filter(pk__in=[eoi.pk, named.pk]).count() == 2
