"""Decisions of a besluitenlijst: per agenda item, the text after its decision label or intro.

A meeting's record (a council's besluitenlijst, a board's record of decisions) prints its agenda
items one after another, each with its number and subject and then what was decided ("Besluit:",
"Conclusie:", an intro such as "De raad besluit:"), its outcome and the vote. `find_agenda_decisions`
reads those per item; the decision lists of a single paper (raadsvoorstel, raadsbesluit) are
read by `decisions.find_decision_points`, which calls it first.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping, Sequence

from raadsstukken.extractors.layout.dehyphenate import Vocabulary, join_running_text
from raadsstukken.extractors.layout.geometry import union_all
from raadsstukken.extractors.layout.paragraphs import ends_mid_sentence
from raadsstukken.extractors.layout.records import Line
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.structure.decisions import (
    EDGE, ITEM_INTRO, DecisionPoint, DecisionRules, _marker_kind, adopts_text, carries_on, find_outcome, opens_sub_list,
    is_decision_label, is_intro, load_rules, vote_outcome)
from raadsstukken.extractors.structure.doc_types import join_letter_spacing
from raadsstukken.extractors.structure.meeting_record import is_meeting_record
from raadsstukken.extractors.structure.sections import Section
from raadsstukken.extractors.text.normalize import heading_label, is_marker, list_marker, marker_number
from raadsstukken.extractors.text.sentences import first_sentence, sentence_ends


def _next_point(point: re.Match[str], last: DecisionPoint) -> bool:
    """Whether a decimal point follows the last one in sequence ("1.2" after "1.1")."""
    previous = load_rules().point.match(last.lines[0].text.strip()) if last.lines else None
    return previous is not None and point.group("major") == previous.group("major") \
        and int(point.group("minor")) == int(previous.group("minor")) + 1


NEXT_BLOCK = -1
"""Where a besluitenlijst's intro set as a heading ("Voorgesteld besluit") has its decisions: the
paragraph after it."""

def find_agenda_decisions(sections: Sequence[Section], vocabulary: Vocabulary | None = None,
                          body: str | None = None) -> list[DecisionPoint]:
    """The decisions of a besluitenlijst: per agenda item, the text after its decision label
    ("Besluit:", "Besloten:", "Conclusie:"), with the outcome and votes the text states.

    The item is the last agenda number seen (a heading or a line "6", "004.b", "3. Voorstel …",
    or a number before the label itself); a decision runs until the next item, label or motion line,
    and no further than its paragraph (unless that ends mid-sentence, on a colon or a list follows).
    """
    rules = load_rules()
    entries: list[tuple[str, Line | None]] = []
    block_of: dict[int, int] = {}  # id(line) -> index of its block, to end an intro's decision there
    block_right: dict[int, float] = {}  # id(block) -> the right edge of its widest line
    heading_at: dict[int, tuple[int, float]] = {}  # index of a heading's entry -> its page and top
    alone: set[int] = set()  # id(line) of the lines that are the whole of their block
    first_lines: set[int] = set()  # id(line) of the first line of each block (a verdict opens its paragraph)
    for section in sections:
        if section.heading:
            if section.bbox is not None:
                heading_at[len(entries)] = (section.page_start, section.bbox.top)
            entries.append((spaced_label_joined(section.heading, rules), None))
        for block in section.body:
            if len(block.lines) == 1:
                alone.add(id(block.lines[0]))
            if block.lines:
                first_lines.add(id(block.lines[0]))
            if len(block.lines) > 1 and NOTE_LABEL.match(block.lines[0].text.strip()):
                first_lines.add(id(block.lines[1]))  # the first line under a note's label ("Toelichting:")
            for line in block.lines:
                block_of[id(line)] = id(block)
                entries.append((spaced_label_joined(line.text.strip(), rules), line))
            block_right[id(block)] = max((ln.bbox.x1 for ln in block.lines), default=0.0)
    entries = _field_labels_in_place(entries, heading_at, rules)
    decisions: list[DecisionPoint] = []
    current_item: str | None = None
    open_decision: DecisionPoint | None = None
    pending: str | None = None  # a decision label set as a heading: its text is the body that follows
    pending_label = ""  # that heading ("4. Subsidie … Voorgesteld besluit"), a proposal's or a decision's
    intro_block: int | None = None  # a decision opened by an intro ("De raad besluit unaniem:") runs in its block
    intro_text = ""
    intro_of: dict[int, str] = {}  # id(decision) -> the intro line that opened it ("De raad besluit unaniem:")
    label_of: dict[int, str] = {}  # id(decision) -> the label heading it stands under (a proposal's or a decision's)
    intro_kind: str | None = None  # the marker kind of the list an intro opened
    intro_method = "decisions:agenda_intro"  # how that list was opened: a deciding formula, or a bare label
    list_count = 0  # the items of that list so far
    sub_open = False  # a sub-list inside that list's last item is running
    sub_text = False  # that sub-list is the text the item adopts ("… de volgende opdracht vast te stellen:")
    vote_of: dict[str | None, str] = {}  # agenda item -> its vote result line ("Stemuitslag: voor 100%")
    voting = False  # a bare vote label opened the vote of `vote_item` (its lines follow)
    vote_tail = False  # a vote line of `vote_item` was read: a line that carries on its list is part of it
    vote_item: str | None = None
    verdict_of: dict[str, str] = {}  # agenda item -> its verdict line after its decisions ("Akkoord.")
    verdicts: list[tuple[int, DecisionPoint]] = []  # (place among the decisions, an item's verdict alone)
    page_lines: dict[int, list[Line]] = {}
    for _, ln in entries:
        if ln is not None:
            page_lines.setdefault(ln.page, []).append(ln)
    taken: set[int] = set()  # id(line) of the value lines a left-label row's decision took
    points = False  # the decimal points under a bare decision label are running ("1.1 …", "1.2 …")
    records: list[DecisionPoint] = []  # the text under a bare label, until a conclusion replaces it
    bare: set[int] = set()  # id(decision) of the paragraphs under a bare label ("Besluit" alone)
    lone: list[Line] = []  # markers read as lines of their own ("•" apart from its text: an OCR layer's column)
    for at, (text, line) in enumerate(entries):
        if line is not None and id(line) in taken:
            continue
        if line is None:
            lone = []
        elif is_marker(text) and (pending == "" or intro_block is not None):
            lone.append(line)  # its text is the line beside it on its row, read later
            continue
        elif lone and (mark := _marker_beside(line, lone)) is not None:
            lone.remove(mark)
            text = f"{mark.text.strip()} {text}"
        if voting:
            if line is not None and not (is_decision_label(text, rules) or agenda_item_match(text, rules)
                                         or rules.agenda_label.match(text) or is_intro(text, rules)):
                vote_of[vote_item] = f"{vote_of.get(vote_item, '')} {text}".strip()
                continue
            voting = False
        if rules.vote_label.match(text):
            # a vote label alone ("Stemuitslag" in a label column, as a pill, on its line or set as
            # a heading under the item's): the lines under it, up to the item's next label or
            # heading, are its vote
            voting, vote_item, open_decision, pending = True, current_item, None, None
            vote_of[current_item] = ""
            continue
        if vote_tail and line is not None and open_decision is None and pending is None \
                and (text[:1] in "(" or carries_on(text) or vote_of[vote_item].rstrip().endswith(",")):
            vote_of[vote_item] = f"{vote_of[vote_item]} {text}"  # the vote line's list goes on ("(5), D66 (3), …")
            continue
        vote_tail = False
        vote = rules.vote_result.search(text)
        if vote:
            item_here = rules.agenda_item.match(text)
            vote_item = item_here.group("item") if item_here else current_item
            vote_of[vote_item], vote_tail = vote.group("text"), True
        if pending == "" and intro_block is None and line is not None and opens_point_list(text, rules):
            # a list under a bare decision label ("Besluit:" / "• … ;" / "• … ."), its points each
            # opening a line with a marker: each point is a decision of the item
            intro_block, intro_text, intro_method = block_of.get(id(line)), pending_label, "decisions:agenda_label"
            open_decision, pending, intro_kind, sub_open, sub_text, list_count = None, None, None, False, False, 0
        if intro_block == NEXT_BLOCK and line is not None:
            intro_block = block_of.get(id(line))  # an intro set as a heading: its list is the next paragraph
        elif intro_block is not None and line is not None and block_of.get(id(line)) != intro_block \
                and open_decision is not None and intro_kind and _next_item(text, intro_kind, list_count) \
                and not bulleted_agenda_item(text, rules):
            intro_block = block_of.get(id(line))  # the list goes on with its next item, spaced as a paragraph
        if intro_block is not None and line is not None and block_of.get(id(line)) != intro_block \
                and open_decision is not None and intro_kind:
            turn = _page_turn(entries, at, open_decision, intro_kind, list_count)
            if turn:
                # the list goes on over the page: what the page's foot and the next page's head set
                # between (a form box, a running line) is no part of it
                taken.update(turn)
                continue
        if intro_block is not None:
            if line is not None and block_of.get(id(line)) == intro_block \
                    and not any(p.match(text) for p in rules.agenda_stop) and not is_decision_label(text, rules) \
                    and not bulleted_agenda_item(text, rules):
                marker = list_marker(text)
                # (an item without a marker that ends in a colon, "… met het beslispunt:", has the
                # marked lines under it as its sub-list too)
                if marker and open_decision is not None and (
                        ((intro_kind is None or _marker_kind(marker) != intro_kind)
                         and (sub_open or ITEM_INTRO.search(open_decision.text)))
                        or (_marker_kind(marker) == intro_kind
                            and opens_sub_list(marker, line, open_decision, intro_kind, sub_open))):
                    # a sub-list of the item ("… te dragen uit: a. …"): part of it, unless it is
                    # the text the item adopts
                    sub_text = sub_text if sub_open else adopts_text(open_decision.text, text[marker.end():])
                    sub_open = True
                    if not sub_text:
                        open_decision.text = f"{open_decision.text} {text}"
                        open_decision.lines.append(line)
                    continue
                if sub_text and not marker:
                    continue  # a line of the adopted text
                if marker or open_decision is None:
                    sub_open = sub_text = False
                    intro_kind = intro_kind or (_marker_kind(marker) if marker else None)
                    body_text = text[marker.end():] if marker else text
                    open_decision = DecisionPoint(len(decisions) + 1, body_text, line.page, line.bbox, body,
                                                  intro_method, [line], agenda_item=current_item)
                    intro_of[id(open_decision)] = intro_text
                    decisions.append(open_decision)
                    list_count += 1
                else:
                    open_decision.text = join_running_text(open_decision.text, text, vocabulary)
                    open_decision.lines.append(line)
                continue
            intro_block, open_decision = None, None
        row_intro = line is not None and is_intro(text, rules) and not rules.agenda_label.match(text)
        value = _row_value(line, page_lines.get(line.page, [])) if row_intro and line is not None else []
        if value:
            # an intro in a label column ("Voorgesteld besluit | Vaststellen van …"): its decision
            # is the text beside it
            taken.update(id(ln) for ln in value)
            decisions.append(_value_point(value, len(decisions) + 1, vocabulary, body, current_item))
            intro_of[id(decisions[-1])] = text
            intro_block, open_decision, pending = None, None, None
            continue
        labelled = rules.agenda_label.match(text)
        if (is_intro(text, rules) and not labelled) or (labelled and opens_intro(labelled.group("text"), rules)):
            # an intro (or a label over one: "Besluit: Beslispunten") set as a heading, or as a
            # line standing alone as its own paragraph ("Het college besluit:" set as a label
            # over the decisions), has its list in the next paragraph
            intro_block = block_of.get(id(line)) if line is not None and id(line) not in alone else NEXT_BLOCK
            intro_text, open_decision, pending = text, None, None
            intro_kind, sub_open, sub_text, list_count = None, False, False, 0
            intro_method = "decisions:agenda_intro"
            continue
        label = rules.agenda_label.match(text)
        item = agenda_item_match(text, rules)
        if item and line is not None and text[:1].islower() and at > 0 and entries[at - 1][1] is not None \
                and block_of.get(id(entries[at - 1][1])) == block_of.get(id(line)) \
                and ends_mid_sentence(entries[at - 1][0]):
            item = None  # "… in overweging om het" / "agendapunt 18 ‘…’ niet op te nemen": a sentence wrapped, no item
        if line is not None and not label and open_decision is None and pending is None and not points \
                and (id(line) in first_lines or list_marker(text)):
            stated = _stated_passive(entries, at, block_of, vocabulary)
            if stated is not None:
                # a procedural decision in the passive, no label over it ("De agenda wordt …
                # vastgesteld.", "- punt 9 wordt aangehouden;"): its paragraph or point is a decision
                # of the item (a point naming an agenda item opens none)
                text_of, lines_of = stated
                taken.update(id(ln) for ln in lines_of[1:])
                decisions.append(DecisionPoint(len(decisions) + 1, text_of, line.page,
                                               union_all(ln.bbox for ln in lines_of if ln.page == line.page),
                                               body, PASSIVE, lines_of, agenda_item=current_item))
                continue
        value = _label_cell_value(line, page_lines.get(line.page, []), rules) \
            if line is not None and not label and rules.label_at_end.search(text) else []
        if value and line is not None:
            # a table row read as one line, its last cell the decision column's label ("2. Notulen
            # | Besluit:"): the decision is the text under that label in its column, not the
            # subject's text under the item in the columns left of it
            number = agenda_item_match(rules.label_at_end.sub("", text), rules)
            current_item = number.group("item") if number else current_item
            taken.update(id(ln) for ln in value)
            decisions.append(_value_point(value, len(decisions) + 1, vocabulary, body, current_item))
            label_of[id(decisions[-1])] = text
            intro_block, open_decision, pending, points = None, None, None, False
            continue
        if line is None and not label and rules.label_at_end.search(text):
            number = rules.agenda_item.match(rules.label_at_end.sub("", text))
            current_item = number.group("item") if number else current_item
            pending, open_decision, pending_label = "", None, text
            continue
        if label and line is not None and not label.group("text"):
            value = _row_value(line, page_lines.get(line.page, []))
            if value:
                # a left-label row ("Besluit | De raad stemt in …"): the decision is the text beside it
                current_item = label.group("item") or current_item
                taken.update(id(ln) for ln in value)
                decisions.append(_value_point(value, len(decisions) + 1, vocabulary, body, current_item))
                pending, open_decision = None, None
                continue
        if label and line is not None and label.group("text") and pending == "":
            pending = None  # a label under a bare label ("Besluit:" / "Conclusie: …"): the inner one decides
        if label and (line is None or pending is not None or not label.group("text")):
            current_item = label.group("item") or current_item
            pending, open_decision, points = (label.group("text") or "").strip(), None, False
            pending_label = text
            continue
        point = rules.point.match(text) if line is not None else None
        if point and (pending == "" or (points and open_decision is not None and _next_point(point, open_decision))):
            # the decimal points of the item's decision ("Besluit:" / "1.1 … te continueren.")
            pending, points = None, True
            open_decision = DecisionPoint(len(decisions) + 1, text[point.end():], line.page, line.bbox, body,
                                          "decisions:agenda_label", [line], agenda_item=current_item)
            decisions.append(open_decision)
            continue
        if points:
            points = line is not None and open_decision is not None and not (label or item or point) \
                and not any(p.match(text) for p in rules.agenda_stop) \
                and (block_of.get(id(line)) == block_of.get(id(open_decision.lines[-1]))
                     or ends_mid_sentence(open_decision.text))
            if points and line is not None and open_decision is not None:
                open_decision.text = join_running_text(open_decision.text, text, vocabulary)
                open_decision.lines.append(line)
                if line.page == open_decision.page:
                    open_decision.bbox = open_decision.bbox.union(line.bbox)
                continue
        if pending == "" and line is not None and not item and _running_head(entries, at, page_lines, alone, rules):
            continue  # the next page's running line between a label at a page's foot and its text
        if pending is not None and line is not None and not item:
            open_decision = DecisionPoint(len(decisions) + 1, pending, line.page, line.bbox, body,
                                          "decisions:agenda_label", [], agenda_item=current_item)
            decisions.append(open_decision)
            label_of[id(open_decision)] = pending_label
            records = [open_decision] if not pending else []
            if not pending:
                bare.add(id(open_decision))
            pending = None
        if label and line is not None:
            current_item = label.group("item") or current_item
            if rules.conclusion.match(text):
                # the item's record, which its conclusion below replaces
                decisions = [d for d in decisions if all(d is not r for r in records)]
            records = []
            open_decision = DecisionPoint(len(decisions) + 1, (label.group("text") or "").strip(), line.page, line.bbox, body,
                                          "decisions:agenda_label", [line], agenda_item=current_item)
            decisions.append(open_decision)
            continue
        pending = None if item or line is None else pending
        # a line of the paragraph that carries on the decision's unfinished sentence ("… bij" /
        # "agendapunt 8 …") is part of it, whatever word it opens with
        carried = open_decision is not None and line is not None and open_decision.lines \
            and block_of.get(id(line)) == block_of.get(id(open_decision.lines[-1])) \
            and ends_mid_sentence(open_decision.text) and not item
        if line is None or item or (any(p.match(text) for p in rules.agenda_stop) and not carried):
            records = []
            if item:
                current_item = item.group("item")
            elif line is None:
                number = agenda_item_match(text, rules)
                if number:
                    current_item = number.group("item")
                elif current_item is None or current_item.startswith(UNNUMBERED):
                    # a subject heading of a record that numbers no items ("Motie Bankjes in het
                    # park" over its outcome and vote): an item of its own, its number unprinted
                    current_item = f"{UNNUMBERED}{at}"
            open_decision = None
            continue
        if open_decision is not None and id(open_decision) in bare and line is not None \
                and _running_head(entries, at, page_lines, alone, rules, first_text=False):
            open_decision = None  # the next page's running line, no paragraph of the decision
            continue
        if open_decision is not None and id(open_decision) in bare and open_decision.text and open_decision.lines \
                and not (ends_mid_sentence(open_decision.text) or ITEM_INTRO.search(open_decision.text)
                         or list_marker(text) or is_verdict(text, rules) or NOTE_LABEL.match(text)) \
                and len(text.split()) > FIELD_LABEL_WORDS \
                and (block_of.get(id(line)) != block_of.get(id(open_decision.lines[-1]))
                     or opens_paragraph(open_decision.lines[-1], line, block_right.get(block_of.get(id(line), -1), 0.0))):
            # under a bare decision label ("Besluit" alone, the text below it), each paragraph is
            # a decision of the item: a new block, or a line after one that ended its sentence
            # short of the block's right edge (a note's label, "Toelichting:", or a form's label of
            # a few words, "Datum", opens none)
            under = label_of.get(id(open_decision), "")
            open_decision = DecisionPoint(len(decisions) + 1, text, line.page, line.bbox, body,
                                          "decisions:agenda_label", [line], agenda_item=current_item)
            decisions.append(open_decision)
            label_of[id(open_decision)] = under
            bare.add(id(open_decision))
            records.append(open_decision)
            continue
        if open_decision is not None and open_decision.text and open_decision.lines \
                and block_of.get(id(line)) != block_of.get(id(open_decision.lines[-1])) \
                and not (ends_mid_sentence(open_decision.text) or ITEM_INTRO.search(open_decision.text)
                         or list_marker(text)):
            open_decision = None  # a decision is its paragraph: the discussion after it is none of it
        if open_decision is not None:
            open_decision.text = join_running_text(open_decision.text, text, vocabulary) if open_decision.text else text
            open_decision.lines.append(line)
            if line.page == open_decision.page:
                open_decision.bbox = open_decision.bbox.union(line.bbox)
        elif current_item is not None and id(line) in first_lines and is_verdict(text, rules):
            # a verdict line of the item outside its decisions ("Akkoord.", "Toelichting:" /
            # "Akkoord, conform vastgesteld."): the item's decision where it prints none, else
            # what became of its decisions
            if any(d.agenda_item == current_item for d in decisions):
                verdict_of.setdefault(current_item, text)
            elif id(line) in alone and len(text.split()) <= VERDICT_WORDS:
                # (only a verdict that is its paragraph's whole, and only where no decision of
                # the item follows it: "*aangehouden 16 april*" over the item's account and its
                # "Besluit:" is a note on it)
                verdicts.append((len(decisions), DecisionPoint(
                    0, text, line.page, line.bbox, body, "decisions:agenda_verdict", [line], agenda_item=current_item)))
    decided = {d.agenda_item for d in decisions}
    labelled = {d.agenda_item for d in decisions if d.method != PASSIVE and d.agenda_item is not None
                and not d.agenda_item.startswith(UNNUMBERED)}
    # (an item that prints a decision of its own has its passive sentences in its record)
    decisions = [d for d in decisions if not (d.method == PASSIVE and d.agenda_item in labelled)]
    for at_index, verdict in reversed(verdicts):
        if verdict.agenda_item not in decided:
            decisions.insert(at_index, verdict)
    # a label's text that is a placeholder ("n.v.t.") or a table's header row is no decision; a proposal a decision of its
    # item follows is none either; a label's text that records the meeting's course (the opening,
    # the announcements, who spoke: meeting_record) is no decision; a text after a deciding formula
    # ("De raad besluit:") always is one
    kept = [d for d in decisions if d.text and not is_placeholder(d.text) and not is_header_row(d.text)]
    proposals = {id(d) for d in kept if is_proposal_label(intro_of.get(id(d)) or label_of.get(id(d), ""), rules)}
    kept = [d for d in superseded_proposals_dropped(kept, proposals)
            if not (d.method == "decisions:agenda_label" and is_meeting_record(d.text))]
    after = _votes_after(entries, kept, first_lines, rules)
    for n, d in enumerate(kept, 1):
        d.number = n
        d.outcome, d.votes_for, d.votes_against = find_outcome(f"{intro_of.get(id(d), '')} {d.text}", rules)
        if d.agenda_item in vote_of and (d.outcome is None or (d.votes_for is None and d.votes_against is None)):
            # the item's printed vote gives the outcome its text does not name, and the votes
            outcome, vf, va = vote_outcome(vote_of[d.agenda_item], rules)
            d.outcome = d.outcome or outcome
            if d.votes_for is None and d.votes_against is None:
                d.votes_for, d.votes_against = vf, va
        if d.outcome is None and d.agenda_item in verdict_of:
            d.outcome = find_outcome(first_sentence(verdict_of[d.agenda_item]), rules)[0]
        if id(d) in after and (d.outcome is None or (d.votes_for is None and d.votes_against is None)):
            # the vote or verdict printed after the decision, before the item's next head
            outcome, vf, va = vote_outcome(after[id(d)], rules)
            d.outcome = d.outcome or outcome
            if d.votes_for is None and d.votes_against is None:
                d.votes_for, d.votes_against = vf, va
        if d.agenda_item is not None and d.agenda_item.startswith(UNNUMBERED):
            d.agenda_item = None  # the record prints no number for it
    return kept


def _votes_after(entries: Sequence[tuple[str, Line | None]], decisions: Sequence[DecisionPoint],
                 first_lines: set[int], rules: DecisionRules) -> dict[int, str]:
    """id(decision) -> the vote printed after it (rules/decisions.toml [agenda] vote_sides: "Voor: A (4)."
    / "Tegen: B (3)." on lines of their own) or the verdict that opens a paragraph after its record
    ("Unaniem aangenomen (20-0)."), up to the item's next heading, number, label or intro: the vote of
    the decisions read since that item's head. A record that numbers none of its items says so for
    the decisions it reads after each head alike."""
    where = {id(ln): at for at, (_, ln) in enumerate(entries) if ln is not None}
    starts = sorted((where[id(d.lines[0])], k) for k, d in enumerate(decisions) if d.lines and id(d.lines[0]) in where)
    taken = {id(ln) for d in decisions for ln in d.lines}
    found: dict[int, str] = {}
    head = -1  # the entry of the item's last head
    side = False  # a vote side's line was read: a line that carries on its list is part of it
    for at, (text, line) in enumerate(entries):
        if line is None or agenda_item_match(text, rules) or is_intro(text, rules) or rules.agenda_label.match(text):
            head, side = at, False
            continue
        if id(line) in taken:
            side = False
            continue
        vote = bool(rules.vote_sides.match(text)) or (side and carries_on(text))
        side = vote
        if not vote and not (id(line) in first_lines and is_verdict(text, rules)):
            continue
        for start, k in starts:
            if head < start < at:
                d = decisions[k]
                found[id(d)] = f"{found.get(id(d), '')} {text if vote else first_sentence(text)}".strip()
    return found


UNNUMBERED = "#"
"""The key of an item under a subject heading that prints no number (its heading's place), while
reading; its decisions' `agenda_item` is null."""


def spaced_label_joined(text: str, rules: DecisionRules | None = None) -> str:
    """A letter-spaced label read as its word ("B E S L U I T V O R M I N G" -> "BESLUITVORMING",
    "S T E M U I T S L A G :", "C O N T E X T"): exports and Word forms set the labels of a record's
    fields letter-spaced as often as in capitals, the decision's and the vote's as those of the
    fields after them (a label of a few words that ends the decision above it). Any other line is
    left as it is."""
    rules = rules or load_rules()
    joined = join_letter_spacing(text)
    if joined != text and (rules.agenda_label.match(joined) or rules.vote_label.match(joined)
                           or len(joined.split()) <= FIELD_LABEL_WORDS < len(text.split())):
        return joined
    return text


PASSIVE = "decisions:agenda_passive"
"""How a decision stated in the passive without a label was read (rules/decisions.toml [agenda] passive)."""


@lru_cache(maxsize=1)
def _passive() -> re.Pattern[str]:
    return re.compile(read_rules("decisions")["agenda"]["passive"], re.IGNORECASE)


def states_passive_result(text: str) -> bool:
    """Whether a paragraph or point states, in the passive, what became of the agenda, the minutes or
    an item ("De agenda wordt ongewijzigd vastgesteld.", "punt 7 wordt aangehouden;"; rules/
    decisions.toml [agenda] passive): how records write a procedural decision taken without a vote."""
    return bool(_passive().match(text.strip()))


def _stated_passive(entries: Sequence[tuple[str, Line | None]], at: int, block_of: Mapping[int, int],
                    vocabulary: Vocabulary | None) -> tuple[str, list[Line]] | None:
    """(text, lines) of the paragraph or list point that `entries[at]` opens, its marker dropped, when
    it states a passive result (`states_passive_result`); None otherwise. The point runs over the
    lines of its block up to the next marked line."""
    first = entries[at][1]
    if first is None:
        return None
    marker = list_marker(entries[at][0])
    lines, text = [first], entries[at][0][marker.end():] if marker else entries[at][0]
    for later, ln in entries[at + 1:]:
        if ln is None or block_of.get(id(ln)) != block_of.get(id(first)) or list_marker(later):
            break
        lines.append(ln)
        text = join_running_text(text, later, vocabulary)
    return (text.strip(), lines) if states_passive_result(text) else None


FIELD_LABEL_WORDS = 3
"""The most words of a label in a field column ("Besluit", "Stemuitslag", "Uitslag stemming")."""


def _field_labels_in_place(entries: list[tuple[str, Line | None]], heading_at: Mapping[int, tuple[int, float]],
                           rules: DecisionRules | None = None) -> list[tuple[str, Line | None]]:
    """The entries with each label of a field column read where its text stands.

    Council information systems export a besluitenlijst with a field column down the left: the
    labels ("Besluit", "Stemuitslag", "Toezeggingen") stand there on the baseline of the text they
    label, in the text column to the right. Where the reading order reads that column apart from
    the text (its labels one after another, a decision or vote label among them), each label of a
    few words, no sentence, is moved to just before the line on its row to its right, where it is
    read under another heading than the one that stands over it on its page. A label read under its
    own item's heading (its value elsewhere) is read there as a left-label row (`_row_value`)."""
    rules = rules or load_rules()
    index = {id(line): k for k, (_, line) in enumerate(entries) if line is not None}
    by_page: dict[int, list[Line]] = {}
    for _, line in entries:
        if line is not None:
            by_page.setdefault(line.page, []).append(line)
    value_of: dict[int, Line] = {}  # id(label) -> the first line of its text, on its row
    for text, line in entries:
        if line is None or len(text.split()) > FIELD_LABEL_WORDS or not text[:1].isalpha() \
                or sentence_ends(text) or text.rstrip(":").endswith((".", ";", ",")):
            continue
        row = [ln for ln in by_page[line.page] if ln is not line and ln.bbox.x0 - line.bbox.x1 >= ROW_GAP[0]
               and abs(ln.bbox.bottom - line.bbox.bottom) <= 0.5 * min(ln.bbox.height, line.bbox.height)]
        if row:
            value = min(row, key=lambda ln: ln.bbox.x0)
            if index[id(value)] != index[id(line)] + 1 and not _under_own_heading(index[id(line)], line, heading_at):
                value_of[id(line)] = value
    # the runs of such labels read one after another: a field column read apart
    moved: set[int] = set()
    run: list[tuple[str, Line]] = []
    for text, line in [*entries, ("", None)]:
        if line is not None and id(line) in value_of:
            run.append((text, line))
            continue
        if len(run) >= 2 and any(is_decision_label(t, rules) or rules.vote_label.match(t) for t, _ in run):
            moved.update(id(ln) for _, ln in run)
        run = []
    if not moved:
        return entries
    before: dict[int, list[tuple[str, Line | None]]] = {}  # id(value line) -> labels to read before it
    for text, line in entries:
        if line is not None and id(line) in moved:
            before.setdefault(id(value_of[id(line)]), []).append((text, line))
    ordered: list[tuple[str, Line | None]] = []
    for text, line in entries:
        if line is not None and id(line) in moved:
            continue
        if line is not None:
            ordered += before.get(id(line), [])
        ordered.append((text, line))
    return ordered


def _under_own_heading(at: int, line: Line, heading_at: Mapping[int, tuple[int, float]]) -> bool:
    """Whether the line at `entries[at]` is read under the heading that stands over it on its page
    (the last heading above it, by page and top): the heading read last before it."""
    read = max((k for k in heading_at if k < at), default=None)
    above = [k for k, (page, top) in heading_at.items() if (page, top) <= (line.page, line.bbox.top)]
    over = max(above, key=lambda k: heading_at[k]) if above else None
    return read == over


PARAGRAPH_END = re.compile(r"[.!?]['’\"”)]*$")
"""A line that ends a sentence may end its paragraph."""


def _running_head(entries: Sequence[tuple[str, Line | None]], at: int, page_lines: Mapping[int, Sequence[Line]],
                  alone: set[int], rules: DecisionRules, first_text: bool = True) -> bool:
    """Whether `entries[at]` is the running line at the head of a page that a decision runs over
    ("Gemeente X, besluitenlijst 5 juni 2031" over the rest of an item): the topmost line of a later
    page than the line before it, a block of its own, no sentence, whose next line does not carry it
    on; where it would be the first text
    under a label (`first_text`), also followed on its page by a line that is no agenda item, label
    or heading (a one-line decision at the page's head before the next item stays one)."""
    text, line = entries[at]
    previous = next((ln for _, ln in reversed(entries[:at]) if ln is not None), None)
    if line is None or previous is None or line.page <= previous.page or id(line) not in alone \
            or PARAGRAPH_END.search(text) or ends_with_colon(text):
        return False
    if any(ln.bbox.top < line.bbox.top for ln in page_lines.get(line.page, ())):
        return False
    following = entries[at + 1] if at + 1 < len(entries) else ("", None)
    if following[1] is not None and carries_on(following[0]):
        return False  # the line after carries on its sentence: the text itself, broken over lines
    if not first_text:
        return True
    return following[1] is not None and following[1].page == line.page \
        and not (agenda_item_match(following[0], rules) or rules.agenda_label.match(following[0]))


def ends_with_colon(text: str) -> bool:
    """Whether a line ends in a colon (a label or an intro, no running line)."""
    return text.rstrip().endswith(":")


def opens_paragraph(previous: Line, line: Line, right: float) -> bool:
    """Whether a line opens a new paragraph inside a block set without space between paragraphs:
    the line before ended a sentence short of the block's right edge, so short that the line's
    first word would have fitted there, and the line opens with a capital (a line broken only
    because it was full runs on)."""
    text = line.text.strip()
    if not text[:1].isupper() or not PARAGRAPH_END.search(previous.text.strip()) or previous.page != line.page:
        return False
    width = line.bbox.width / max(len(text), 1)  # the width of a character, on average
    first_word = len(text.split()[0]) + 1
    return previous.bbox.x1 + first_word * width < right


def is_proposal_label(text: str, rules: DecisionRules | None = None) -> bool:
    """Whether an intro or label introduces an item's proposal, not the decision taken on it
    ("Voorstel:", "Voorgesteld besluit", "4. Subsidie … Gevraagd besluit"; rules/decisions.toml
    [agenda] proposal). A decision label that names the proposal it decides on ("Besluit over het
    voorstel:", [agenda] label_qualifier) introduces the decision."""
    rules = rules or load_rules()
    label = heading_label(join_letter_spacing(text))
    return bool(rules.proposal.search(label)) and not rules.agenda_label.match(label.strip())


def superseded_proposals_dropped(decisions: Sequence[DecisionPoint], proposals: set[int]) -> list[DecisionPoint]:
    """The decisions without the proposals a decision of the same item follows: an item that prints
    its proposal ("Voorgesteld besluit: …", ids in `proposals`) and then the decision taken
    ("Besluit: …") decided the latter; a proposal stays where no decision follows it in its item
    (before the next item's proposal)."""
    kept: list[DecisionPoint] = []
    open_proposals: list[DecisionPoint] = []  # the proposals of the current item, no decision after them yet
    for d in decisions:
        if id(d) in proposals:
            if open_proposals and open_proposals[-1].agenda_item != d.agenda_item:
                open_proposals = []  # the earlier item printed no decision: its proposal stays
            open_proposals.append(d)
        else:
            superseded = {id(p) for p in open_proposals if p.agenda_item == d.agenda_item}
            kept = [k for k in kept if id(k) not in superseded]
            open_proposals = []
        kept.append(d)
    return kept


def _value_point(value: Sequence[Line], number: int, vocabulary: Vocabulary | None, body: str | None,
                 item: str | None) -> DecisionPoint:
    """The decision of a left-label row: the text of the value lines beside its label."""
    text = ""
    for ln in value:
        text = join_running_text(text, ln.text, vocabulary)
    return DecisionPoint(number, text, value[0].page, union_all(ln.bbox for ln in value), body,
                         "decisions:agenda_label", list(value), agenda_item=item)


def _label_cell_value(line: Line, page: Sequence[Line], rules: DecisionRules) -> list[Line]:
    """The decision under a label that ends a row of cells read as one line ("2. Notulen* en
    besluitenlijst | Besluit:"): the lines under the label's word that start at its left edge (its
    column), line after line (VALUE_LEADING), below the row. Empty where the label is no cell of
    its own (set a word's space after the subject: "4. Subsidie dorpshuis Besluit", a heading's
    words) or nothing stands under it in its column."""
    words = [w for w in line.words if not w.superscript]
    if len(words) < 2:
        return []
    label, before = words[-1], words[-2]
    if line.cells < 2 and label.bbox.x0 - before.bbox.x1 < CELL_GAP * line.size:
        return []
    x = label.bbox.x0
    value: list[Line] = []
    last = line
    for ln in sorted((ln for ln in page if ln is not line and abs(ln.bbox.x0 - x) <= EDGE
                      and ln.bbox.top > line.bbox.top + 0.5 * line.bbox.height), key=lambda ln: ln.bbox.top):
        if ln.bbox.top - last.bbox.top > VALUE_LEADING * last.bbox.height:
            break
        value.append(ln)
        last = ln
    return value


CELL_GAP = 1.0
"""The least space, in type sizes, between a row's subject and a label in a cell of its own."""


ROW_GAP = (3.0, 60.0)
"""Points between a left label's right edge and its value's left edge on the same row."""
WIDE_ROW_GAP = 200.0
"""The widest gap between a short label and its value in a column that a longer label of the same
label column sets closer ("Besluit" | value, under "Voorgesteld besluit" | value)."""


def _beside(label: Line, page: Sequence[Line], gap: float) -> list[Line]:
    """The lines on the label's row that start within `gap` points right of it."""
    return [ln for ln in page if ln is not label and ROW_GAP[0] <= ln.bbox.x0 - label.bbox.x1 <= gap
            and abs(ln.bbox.top - label.bbox.top) <= 0.5 * label.bbox.height]


def _value_column(x: float, label: Line, page: Sequence[Line]) -> bool:
    """Whether `x` is the left edge of a value column of the label's column: another line at the
    label's left edge has a line beside it starting at `x`, within ROW_GAP of it (a two-column
    table of labels and values, its widest label closest to the values)."""
    return any(ln is not label and abs(ln.bbox.x0 - label.bbox.x0) <= EDGE
               and any(abs(v.bbox.x0 - x) <= EDGE for v in _beside(ln, page, ROW_GAP[1])) for ln in page)
VALUE_LEADING = 1.9
"""A value's next line follows within this many of its line heights (top to top)."""


def _row_value(label: Line, page: Sequence[Line]) -> list[Line]:
    """The value of a left-label row: the line beside the label on its row (starting within
    ROW_GAP of its right edge) and the lines under that one at its left edge, line after line, up to
    the next label of the label column or a paragraph break. Empty when nothing stands beside it
    (the label's text is on the lines below it)."""
    beside = [ln for ln in page if ln is not label and ROW_GAP[0] <= ln.bbox.x0 - label.bbox.x1 <= ROW_GAP[1]
              and abs(ln.bbox.top - label.bbox.top) <= 0.5 * label.bbox.height]
    if not beside:
        beside = [ln for ln in _beside(label, page, WIDE_ROW_GAP) if _value_column(ln.bbox.x0, label, page)]
    if not beside:
        return []
    first = min(beside, key=lambda ln: ln.bbox.x0)
    x = first.bbox.x0
    next_label = min((ln.bbox.top for ln in page if ln.bbox.x1 <= x - ROW_GAP[0]
                      and ln.bbox.top > label.bbox.top + 0.5 * label.bbox.height), default=float("inf"))
    value = [first]
    for ln in sorted((ln for ln in page if abs(ln.bbox.x0 - x) <= EDGE and ln.bbox.top > first.bbox.top),
                     key=lambda ln: ln.bbox.top):
        last = value[-1]
        if ln.bbox.top >= next_label - 0.5 * label.bbox.height \
                or ln.bbox.top - last.bbox.top > VALUE_LEADING * last.bbox.height:
            break
        value.append(ln)
    return value


@lru_cache(maxsize=1)
def _placeholders() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = read_rules("decision_tables")
    return (re.compile(rf"(?:{data['placeholder']})", re.IGNORECASE),
            re.compile(rf"(?:{data['placeholder_opening']})", re.IGNORECASE))


def is_placeholder(text: str) -> bool:
    """Whether a decision label's text says no decision was taken ("N.v.t.", "Geen", "–",
    "Vervalt"), alone or as the sentence that opens it (rules/decision_tables.toml, read for the
    labels of a besluitenlijst's text as for its table cells)."""
    whole, opening = _placeholders()
    label = re.sub(r"\s+", " ", text).strip().rstrip(" :.")
    return bool(whole.fullmatch(label) or opening.match(label))


@lru_cache(maxsize=1)
def _header_row() -> re.Pattern[str]:
    data = read_rules("decision_tables")
    cell = "|".join(f"(?:{data[k]})" for k in ("agenda_item", "subject", "decision", "proposal", "outcome"))
    return re.compile(rf"(?:{cell})[:.]?(?:\s*[|/]?\s*(?:{cell})[:.]?)+", re.IGNORECASE)


def is_header_row(text: str) -> bool:
    """Whether a decision label's text is a table's header row read as a line ("Nr. Onderwerp
    Besluit"): two or more column names of rules/decision_tables.toml and nothing else. It names the
    columns of the items below it and decides nothing."""
    return bool(_header_row().fullmatch(re.sub(r"\s+", " ", text).strip()))


def _next_item(text: str, kind: str, count: int) -> bool:
    """Whether a line opens the next item of a list of markers of `kind` that holds `count` items
    ("2." after "1.")."""
    marker = list_marker(text)
    return marker is not None and _marker_kind(marker) == kind and marker_number(marker, count) == count + 1


def _marker_beside(line: Line, markers: Sequence[Line]) -> Line | None:
    """The lone marker on the line's row left of it (the line is that marker's item), or None."""
    return next((mk for mk in markers if mk.page == line.page and mk.bbox.x1 <= line.bbox.x0
                 and abs(mk.bbox.top - line.bbox.top) <= 0.5 * line.bbox.height), None)


PAGE_TURN_LINES = 4
"""The most lines a page's foot and the next page's head set between a list's items at a page turn."""


def _page_turn(entries: Sequence[tuple[str, Line | None]], at: int, last: DecisionPoint, kind: str,
               count: int) -> set[int]:
    """The lines from `entries[at]` to the next item of a list that goes on over a page (ids), or
    an empty set: a few lines (PAGE_TURN_LINES), none a heading, agenda item, label or marked
    line, then on a later page than the list's last line the list's next item, before any other
    line of that page's body."""
    page = last.lines[-1].page if last.lines else last.page
    between: set[int] = set()
    for text, line in entries[at:at + PAGE_TURN_LINES + 1]:
        if line is None:
            return set()
        if line.page > page and _next_item(text, kind, count):
            return between
        if list_marker(text) or agenda_item_match(text) or is_decision_label(text) or is_intro(text):
            return set()
        between.add(id(line))
    return set()


def is_verdict(text: str, rules: DecisionRules | None = None) -> bool:
    """Whether a line gives an item's verdict: its first sentence is short and opens with an
    outcome word ("Akkoord.", "Conform.", "Aangehouden tot de volgende vergadering.", "Akkoord,
    vastgesteld met aanpassingen."; rules/decisions.toml [agenda] verdict)."""
    rules = rules or load_rules()
    text = text.strip()
    label = NOTE_LABEL.match(text)
    sentence = first_sentence(text[label.end():].strip() if label else text)
    return bool(rules.verdict.match(sentence)) and len(sentence.split()) <= VERDICT_WORDS


NOTE_LABEL = re.compile(r"^[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?\s*:(?:\s+|$)")
"""A note's label of a word or two before its text or alone on its line ("Toelichting:", "Opmerking:")."""


VERDICT_WORDS = 8
"""The most words of a verdict's first sentence: a verdict is a word or two, no account of a debate."""


def opens_intro(text: str | None, rules: DecisionRules | None = None) -> bool:
    """Whether a decision label's text is an intro of its own that opens the points below ("Besluit:
    Beslispunten", "Besluit: Het college besluit:"): an intro ending in its colon, or a bare word of
    one ("Beslispunten"), not a decision that names its deciding body ("Besluit: De raad besluit
    de motie te verwerpen")."""
    text = (text or "").strip()
    return bool(text) and is_intro(text, rules) and (text.endswith(":") or len(text.split()) <= 2)


def opens_point_list(text: str, rules: DecisionRules | None = None) -> bool:
    """Whether a line under a bare decision label opens a list of points: it opens with a list
    marker ("•", "-", "1.", "a."), no decimal point ("1.1", read as the item's own points) and
    no agenda item after a bullet ("■ 4. Mededelingen")."""
    rules = rules or load_rules()
    return list_marker(text) is not None and not rules.point.match(text) and not bulleted_agenda_item(text, rules)


def bulleted_agenda_item(text: str, rules: DecisionRules | None = None) -> re.Match[str] | None:
    """An agenda item's number and subject after a bullet or box ("■ 4. Mededelingen", "• 6.a
    Uitnodigingen"), as a slide or a web page sets its items; None for any other line."""
    rules = rules or load_rules()
    marker = list_marker(text)
    if marker is None or _marker_kind(marker) != "bullet":
        return None
    return rules.agenda_item.match(text[marker.end():].strip())


def agenda_item_match(text: str, rules: DecisionRules | None = None) -> re.Match[str] | None:
    """The agenda item a line or heading opens ("6", "004.b", "3.1 Voorstel …"), also after a
    bullet ("■ 4. Mededelingen"); None when it opens none."""
    rules = rules or load_rules()
    return rules.agenda_item.match(text) or bulleted_agenda_item(text, rules)
