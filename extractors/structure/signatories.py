"""Signature blocks: who signed a document, in which role ("de secretaris," / "M.A. Kossen")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from raadsstukken.extractors.layout.records import BlockKind, Line, PageLayout
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.structure.metadata import load_rules as load_metadata_rules



@dataclass(frozen=True)
class Signatory:
    role: str | None
    """The role the signer signs in ("secretaris"), None for a letter signed by name alone."""
    name: str
    page: int


@dataclass(frozen=True)
class SignatureRules:
    role: re.Pattern[str]
    names: tuple[re.Pattern[str], ...]
    max_name_distance: float
    submitter_role: str = "indiener"
    submitter_labels: tuple[re.Pattern[str], ...] = ()
    max_submitters: int = 12
    name_end: re.Pattern[str] = re.compile(r"\s*,")
    surname_below_role: re.Pattern[str] = re.compile(r"(?!)")
    role_with_name: re.Pattern[str] = re.compile(r"(?!)")
    closing: tuple[re.Pattern[str], ...] = ()
    submitter_inline: re.Pattern[str] = re.compile(r"(?!)")
    submitter_stop: tuple[re.Pattern[str], ...] = ()
    """Lines that end a list of submitters: a vote record or outcome under the signatures."""
    wrap_particles: frozenset[str] = frozenset()
    wrap_start: re.Pattern[str] = re.compile(r"(?!)")
    letter_closing: tuple[re.Pattern[str], ...] = ()
    letter_name_distance: float = 8.0
    label_smaller: float = 1.0
    """How many points smaller than the name under it a role line is set when it is a head row's label."""
    carry_on: frozenset[str] = frozenset()
    """Words that end a line whose sentence the next line carries on (rules/doc_types.toml [title])."""


@lru_cache(maxsize=1)
def load_rules() -> SignatureRules:
    data = read_rules("signatures")
    roles = "|".join(re.escape(r) for r in sorted(data["roles"], key=len, reverse=True))
    role_of = data["role_of"]
    members = "|".join(re.escape(r) for r in sorted(data.get("member_roles", ()), key=len, reverse=True)) or "(?!)"
    party = data.get("party", "(?!)")
    return SignatureRules(
        role=re.compile(rf"^(?:de |het )?(?:(?P<role>(?:{roles}){role_of})|(?P<member>{members})(?-i:{party}))\s*[,.]?$",
                        re.IGNORECASE),
        names=tuple(re.compile(p) for p in data["names"]),
        max_name_distance=float(data["max_name_distance"]),
        submitter_role=data["submitters"]["role"],
        submitter_labels=tuple(re.compile(p, re.IGNORECASE) for p in data["submitters"]["labels"]),
        max_submitters=int(data["submitters"]["max_names"]),
        name_end=re.compile(data["submitters"]["name_end"]),
        surname_below_role=re.compile(data["surname_below_role"]),
        role_with_name=re.compile(rf"^(?:de |het )?(?P<role>(?:{roles}){role_of})\s*,\s*(?P<name>\S.*?)[,.]?$",
                                  re.IGNORECASE),
        closing=tuple(re.compile(p, re.IGNORECASE) for p in read_rules("decisions")["motion"]["closing"]),
        submitter_inline=re.compile(data["submitters"]["inline"], re.IGNORECASE),
        submitter_stop=tuple(re.compile(p, re.IGNORECASE) for p in data["submitters"].get("stop", ())),
        wrap_particles=frozenset(data["submitters"]["wrap_particles"]),
        wrap_start=re.compile(data["submitters"]["wrap_start"]),
        letter_closing=tuple(re.compile(p, re.IGNORECASE) for p in data["letter_closing"]),
        letter_name_distance=float(data["letter_name_distance"]),
        label_smaller=float(data.get("label_smaller", 1.0)),
        carry_on=frozenset(w.casefold() for w in read_rules("doc_types")["title"]["carry_on"]),
    )


def is_name(text: str, rules: SignatureRules | None = None) -> bool:
    rules = rules or load_rules()
    return any(p.match(text.strip()) for p in rules.names) and not _is_label(text)


def _is_label(text: str) -> bool:
    """A form's label ("Vergaderdatum", "Zaaknummer:") is never a name, also when it is one word
    set like a surname."""
    text = text.strip()
    return text.endswith(":") or any(p.fullmatch(text) for p in load_metadata_rules().all_labels)


def find_signatories(pages: Sequence[PageLayout]) -> list[Signatory]:
    """Role/name pairs of a document's signature blocks, in reading order."""
    rules = load_rules()
    found: list[Signatory] = []
    for page in pages:
        lines = [ln for b in page.blocks if b.kind is not BlockKind.FOOTNOTE for ln in b.lines]
        # a line whose line above (in its paragraph) ends in an article or preposition carries that
        # sentence on ("… Hattem, 3 maart 2031. De" / "voorzitter, A. Smit"): no role line of its own
        carried = {id(b.lines[k]) for b in page.blocks for k in range(1, len(b.lines))
                   if b.lines[k - 1].text.split()[-1:] and b.lines[k - 1].text.split()[-1].casefold() in rules.carry_on}
        lines.sort(key=lambda ln: (ln.bbox.top, ln.bbox.x0))
        for i, line in enumerate(lines):
            closing = any(p.match(line.text.strip()) for p in rules.closing)
            if closing or any(p.match(line.text.strip()) for p in rules.submitter_labels):
                beside = None if closing else _name_beside(line, lines, rules)
                for submitter in ([beside] if beside else []) + _submitters_below(line, lines[i + 1:], rules,
                                                                                  surnames=closing):
                    if not any(s.name == submitter for s in found):
                        found.append(Signatory(rules.submitter_role, submitter, page.number))
                continue
            if any(p.match(line.text.strip()) for p in rules.letter_closing):
                name = _name_below(line, lines[i + 1:], rules, rules.letter_name_distance, surname=False)
                if name and not any(s.name == name for s in found):
                    found.append(Signatory(None, name, page.number))  # a role printed with it replaces None
                continue
            inline = rules.submitter_inline.match(line.text.strip())
            if inline:
                name = rules.name_end.split(inline.group("name"), maxsplit=1)[0].strip()
                if is_name(name, rules) and not any(s.name == inline.group("name") for s in found):
                    found.append(Signatory(rules.submitter_role, inline.group("name"), page.number))
                continue
            if id(line) in carried:
                continue
            signed = rules.role_with_name.match(line.text.strip())
            if signed and (is_name(signed.group("name"), rules) or rules.surname_below_role.match(signed.group("name"))):
                role, name = signed.group("role").lower(), signed.group("name")
                if not any(s.name == name and s.role == role for s in found):
                    found.append(Signatory(role, name, page.number))
                continue
            m = rules.role.match(line.text.strip())
            if not m:
                continue
            role = (m.group("role") or m.group("member")).lower()
            if _field_row(line, lines, rules):
                continue  # "Voorzitter | A. de Vries" in a meeting's header: who chaired, not who signed
            name = _name_below(line, lines[i + 1:], rules, set_larger=False) or _name_above(line, lines[:i], rules)
            if name and not any(s.name == name and s.role == role for s in found):
                found = [s for s in found if not (s.name == name and s.role is None)]
                found.append(Signatory(role, name, page.number))
    return found


def _submitters_below(label: Line, below: list[Line], rules: SignatureRules, surnames: bool = False) -> list[str]:
    """The names listed under a submitters' line, each with the party or role it carries
    (`surnames`: under a motion's closing formula a surname alone is a name)."""
    names: list[str] = []
    last = label
    for k, line in enumerate(below):
        if not _same_column(label, line) and not names:
            continue
        if line is last:
            continue  # the wrapped end of the name before
        if line.bbox.top > last.bbox.bottom + rules.max_name_distance * last.bbox.height:
            break
        text = line.text.strip()
        if any(p.match(text) for p in rules.submitter_stop):
            break  # the vote record under the names ("Stemming", "Voor: …")
        head = rules.name_end.split(text.rstrip(" -–,"), maxsplit=1)[0]
        tail = text.split(",", 1)[1].strip(" ,") if "," in text else ""
        if not (is_name(head, rules) or (surnames and rules.surname_below_role.match(head))
                or (tail and is_name(tail, rules))):  # or the party first: "Lokaal Belang, Pieter Zandvoort"
            break
        last = line
        rest = next((ln for ln in below[k + 1:] if _same_column(line, ln)
                     and 0 <= ln.bbox.top - line.bbox.bottom <= line.bbox.height), None)
        if rest is not None and _wraps_onto(line, rest, rules):  # the party wraps onto the next line
            text, last = f"{text} {rest.text.strip()}", rest
        names.append(text)
        if len(names) >= rules.max_submitters:
            break
    return names


def _wraps_onto(line: Line, rest: Line, rules: SignatureRules) -> bool:
    """Whether `rest`, right under `line` in its column, carries on the name and party `line` opens."""
    text, words = line.text.strip(), line.text.split()
    if text[-1:] in "-–,":
        return True
    aligned = abs(rest.bbox.x0 - line.bbox.x0) <= 3
    return aligned and (words[-1].casefold() in rules.wrap_particles
                        or rules.wrap_start.match(rest.text.strip()) is not None)


def _name_beside(label: Line, lines: list[Line], rules: SignatureRules) -> str | None:
    """The name printed in the cell beside a form's submitter label ("Indiener" | "A. Smit")."""
    for line in lines:
        if line is not label and line.bbox.x0 > label.bbox.x1 and abs(line.bbox.top - label.bbox.top) <= 0.5 * label.bbox.height:
            text = line.text.strip()
            head = rules.name_end.split(text, maxsplit=1)[0]
            return text if is_name(head, rules) else None
    return None


def _field_row(role: Line, lines: list[Line], rules: SignatureRules) -> bool:
    """A role printed as a form's label with its value beside it on the same line ("Voorzitter" |
    "A. de Vries"), not a sign-off: no closing comma, and the text beside is no role of its own (a
    signature block may set "De secretaris," and "De voorzitter," side by side)."""
    if role.text.rstrip().endswith(","):
        return False
    return any(line is not role and line.bbox.x0 > role.bbox.x1 and abs(line.bbox.top - role.bbox.top) <= 0.5 * role.bbox.height
               and not rules.role.match(line.text.strip()) for line in lines)


def _same_column(a: Line, b: Line) -> bool:
    return a.bbox.x_overlap(b.bbox) > 0 or abs(a.bbox.x0 - b.bbox.x0) < 20


def _name_below(role: Line, below: list[Line], rules: SignatureRules, distance: float | None = None,
                surname: bool = True, set_larger: bool = True) -> str | None:
    """The name under a role line (`surname`: a surname alone counts, as under a role it does;
    under a letter's closing a name is printed whole: a lone word is a logo's or a place's). Without
    `set_larger`, a name set larger than the role over it is none: a head row's small label over its
    value ("VOORZITTER" / "A. de Vries" at a meeting record's head) names who chaired, not who signed."""
    limit = role.bbox.bottom + (distance or rules.max_name_distance) * role.bbox.height
    for line in below:
        if line.bbox.top > limit:
            break
        if not _same_column(role, line):
            continue
        text = line.text.strip()
        if rules.role.match(text) or _is_label(text):
            return None
        if not set_larger and line.size - role.size >= rules.label_smaller:
            return None
        return text if is_name(text, rules) or (surname and rules.surname_below_role.match(text)) else None
    return None


def _name_above(role: Line, above: list[Line], rules: SignatureRules) -> str | None:
    """A sign-off: the name right above its role ("Ron König" / "Burgemeester")."""
    for line in reversed(above):
        if not _same_column(role, line):
            continue
        if role.bbox.top - line.bbox.bottom > 1.0 * role.bbox.height:
            return None
        text = line.text.strip()
        return text if is_name(text, rules) else None
    return None
