"""Validates `dossier export --format ftm` with the followthemoney package, as Aleph and OpenSanctions would load it.

Usage: validate_ftm.py FILE [--expect-default-dossier]

Every line must be one JSON object that followthemoney reads (`model.get_proxy(data, cleaned=False)`), of a schema
that exists and is not abstract, whose every property exists on that schema and keeps every value through
followthemoney's own cleaning (a date, an entity id or a URL it would drop or rewrite fails). Every entity reference
must name an entity of the file, of the schema the property wants. Ids are unique.
With --expect-default-dossier it also checks what an analyst loading the default dossier would look for.
"""
import json
import sys

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.types import registry


def fail(problems, line_no, message):
    problems.append(f"line {line_no}: {message}")


def validate(path):
    problems = []
    entities = {}
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for line_no, line in enumerate(lines, 1):
        try:
            data = json.loads(line)
        except ValueError as error:
            fail(problems, line_no, f"not JSON: {error}")
            continue
        if set(data) != {"id", "schema", "properties"}:
            fail(problems, line_no, f"keys {sorted(data)}, expected id, schema, properties")
        schema = model.get(data.get("schema"))
        if schema is None:
            fail(problems, line_no, f"unknown schema {data.get('schema')!r}")
            continue
        if schema.abstract:
            fail(problems, line_no, f"abstract schema {schema.name}")
        try:
            proxy = model.get_proxy(data, cleaned=False)
        except InvalidData as error:
            fail(problems, line_no, f"followthemoney refuses it: {error}")
            continue
        if proxy.id in entities:
            fail(problems, line_no, f"id {proxy.id} twice")
        for name, values in data["properties"].items():
            prop = schema.get(name)
            if prop is None:
                fail(problems, line_no, f"{schema.name} has no property {name!r}")
                continue
            if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
                fail(problems, line_no, f"{name}: not a list of non-empty strings")
                continue
            kept = proxy.get(prop)
            for value in values:
                if value not in kept:
                    fail(problems, line_no, f"{schema.name}.{name} = {value!r} does not survive cleaning (kept {kept!r})")
        if not proxy.get_type_values(registry.name) and schema.name not in ("Documentation", "UnknownLink"):
            fail(problems, line_no, f"{schema.name} {proxy.id} has no name or title")
        entities[proxy.id] = (line_no, proxy)
    # References: each names an entity of the file, of a schema the property accepts.
    for entity_id, (line_no, proxy) in entities.items():
        for prop, value in proxy.itervalues():
            if prop.type != registry.entity:
                continue
            target = entities.get(value)
            if target is None:
                fail(problems, line_no, f"{prop.name} names {value}, which is not in the file")
            elif not target[1].schema.is_a(prop.range):
                fail(problems, line_no, f"{prop.name} names a {target[1].schema.name}, not a {prop.range.name}")
        for prop in proxy.schema.required:
            if not proxy.get(prop):
                fail(problems, line_no, f"{proxy.schema.name} lacks required property {prop}")
    return entities, problems


def expect_default_dossier(entities):
    """What an analyst loading the default dossier into Aleph would look for."""
    problems = []
    by_id = {i: p for i, (_, p) in entities.items()}
    dmitriev = by_id.get("dossier-person-kirill-dmitriev")
    if dmitriev is None or dmitriev.schema.name != "Person":
        return ["no Person dossier-person-kirill-dmitriev"]
    if "Kirill Dmitriev" not in dmitriev.get("name"):
        problems.append(f"Dmitriev's name is {dmitriev.get('name')}")
    if "Dmitliff" not in dmitriev.get("alias"):
        problems.append(f"'Dmitliff' is not among Dmitriev's aliases {dmitriev.get('alias')}")
    if any("[[" in note for note in dmitriev.get("notes")):
        problems.append("Dmitriev's notes still hold [[wikilinks]]")
    visit = by_id.get("dossier-event-dmitriev-washington-visit")
    if visit is None or "dossier-person-kirill-dmitriev" not in visit.get("involved"):
        problems.append("the Washington visit is missing or does not involve Dmitriev")
    elif visit.get("startDate") != ["2025-04-01"] or visit.get("endDate") != ["2025-04-03"]:
        problems.append(f"the visit runs {visit.get('startDate')}..{visit.get('endDate')}, not 2025-04-01..2025-04-03")
    quoted = [p for p in by_id.values() if p.schema.name == "Documentation" and p.get("role") == ["quoted"]
              and p.get("entity") == ["dossier-person-kirill-dmitriev"]]
    if not any("American companies to return to Russia" in s for q in quoted for s in q.get("summary")):
        problems.append("Dmitriev's quotation about American companies is not a Documentation of him")
    spellings = {n for p in by_id.values() if p.schema.name == "Mention"
                 and p.get("resolved") == ["dossier-person-kirill-dmitriev"] for n in p.get("name")}
    if "Dmitliff" not in spellings:
        problems.append(f"no Mention of Dmitriev as 'Dmitliff' (spellings: {sorted(spellings)})")
    articles = [p for p in by_id.values() if p.schema.name == "Article"]
    if len(articles) != 2 or not all(a.get("publishedAt") and a.get("bodyText") for a in articles):
        problems.append("expected 2 Articles, each with publishedAt and bodyText")
    return problems


def main():
    path = sys.argv[1]
    entities, problems = validate(path)
    if "--expect-default-dossier" in sys.argv:
        problems += expect_default_dossier(entities)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    schemas = {}
    for _, proxy in entities.values():
        schemas[proxy.schema.name] = schemas.get(proxy.schema.name, 0) + 1
    print(f"{path}: {len(entities)} FollowTheMoney entities valid: "
          + ", ".join(f"{n} {s}" for s, n in sorted(schemas.items())))


if __name__ == "__main__":
    main()
