"""The invented article the block-role shape tests build their pages around (one home for it).

Made-up text: a headline and four body paragraphs about a harbour board, each long enough to be prose,
so a test can put one furniture shape between them and check the paragraphs stay body.
"""

from __future__ import annotations

from analysis_helpers.corpus.roles import classify_block_roles

TITLE = "Harbour board approves plan to deepen the old channel"
P1 = ("The harbour board on Monday approved a plan to deepen the old channel, ending two years of argument "
      "between the ferry companies and the fishermen who work the estuary.")
P2 = ("Officials said dredging would begin in the spring and last about eighteen months, with the cost "
      "shared between the city and the two container lines that use the terminal.")
P3 = ("The fishermen's cooperative said it would watch the work closely, and its chairman told reporters "
      "that the board had promised to stop the dredgers during the spawning weeks.")
P4 = ("Ferry operators welcomed the decision, saying deeper water would let them run larger boats on the "
      "winter timetable without waiting for the tide at the northern quay.")


def roles_of(lines):
    """The role of each line of ``lines`` (``classify_block_roles`` without its reasons)."""
    return [role for role, _ in classify_block_roles(lines)]
