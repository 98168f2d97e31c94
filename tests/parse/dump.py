"""A readable dump of a parsed document, for snapshot tests."""

from argmap.core.model import Document, Relation


def _data(data) -> str:
    return f" data={dict(data)!r}" if data else ""


def _voice(voice) -> str:
    if voice is None:
        return ""
    parts = [f"speaker={voice.speaker!r}"] * bool(voice.speaker) + [f"hedge={voice.hedge!r}"] * bool(voice.hedge)
    if voice.reconstructed is not None:
        parts.append(f"reconstructed={voice.reconstructed!r}")
    return " voice(" + " ".join(parts) + ")"


def _relation(r: Relation) -> str:
    target = str(r.target)
    if r.target.conclusion_index is not None:
        target += f" inference→{r.target.conclusion_index}"
    mark = f" reconstructed={r.reconstructed!r}" if r.reconstructed is not None else ""
    return f"relation {r.source} {r.type.value} {target}{mark}  @{r.span.line}:{r.span.column}"


def dump(doc: Document) -> str:
    out = []
    s = doc.source
    out.append(f"source id={s.id!r} title={s.title!r} author={s.author!r} publisher={s.publisher!r} date={s.date!r} url={s.url!r}")
    for p in doc.positions:
        out.append(f"position #{p.tag} label={p.label!r} color={p.color!r}")
    if doc.strict:
        out.append("mode strict")
    for sec in doc.sections:
        out.append(f"section {sec.id} level={sec.level} parent={sec.parent} {sec.title!r}{_data(sec.data)}")
    for st in doc.statements:
        flags = ["reference"] * st.is_reference + ["generated"] * st.generated_title
        out.append(
            f"statement [{st.title}] {st.role.value}{' ' + ','.join(flags) if flags else ''} "
            f"text={st.text!r} tags={list(st.tags)}{_data(st.data)}{_voice(st.voice)} section={st.section}  @{st.span.line}:{st.span.column}"
        )
        for q in st.quotes:
            out.append(f"  quote {q.text!r}  @{q.span.line}:{q.span.column}")
    for a in doc.arguments:
        flags = ["reference"] * a.is_reference + ["generated"] * a.generated_title
        out.append(
            f"argument <{a.title}>{' ' + ','.join(flags) if flags else ''} text={a.text!r} tags={list(a.tags)}{_data(a.data)}{_voice(a.voice)} section={a.section}  @{a.span.line}:{a.span.column}"
        )
        for q in a.quotes:
            out.append(f"  quote {q.text!r}")
        for item in a.pcs:
            if item.inference is not None:
                rules = ", ".join(item.inference.rules)
                out.append(f"  ---- {rules}{_data(item.inference.data)}".rstrip())
            out.append(f"  ({item.number}) [{item.statement}] {item.role.value}")
    for r in doc.relations:
        out.append(_relation(r))
    for d in doc.diagnostics:
        out.append(f"{d.severity.value}: {d.message}  @{d.span.line}:{d.span.column}" if d.span else f"{d.severity.value}: {d.message}")
    return "\n".join(out) + "\n"
