"""POST data for the partnership page, the way a browser sends it."""


def management(prefix, rows):
    return {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def partnership_post(*, parties=(), rules=(), **fields):
    """``parties`` are dicts that may hold a ``contributions`` list; rows keep their ``id``."""
    data = {"title": "Gare sûre", "territory": "Saint-Denis", "summary": "Safer station.",
            "community_groups": [], **fields}
    data.update(management("parties", parties))
    for index, party in enumerate(parties):
        party = dict(party)
        contributions = party.pop("contributions", [])
        for key, value in party.items():
            data[f"parties-{index}-{key}"] = value
        prefix = f"parties-{index}-contributions"
        data.update(management(prefix, contributions))
        for c_index, contribution in enumerate(contributions):
            for key, value in contribution.items():
                data[f"{prefix}-{c_index}-{key}"] = value
    data.update(management("rules", rules))
    for index, rule in enumerate(rules):
        for key, value in rule.items():
            data[f"rules-{index}-{key}"] = value
    return data
