"""What a Han character is, for the stages that count Han characters or check where they stand."""

from __future__ import annotations

import re

#: A Han character: the unified ideographs (the basic block and extensions A to G) and the
#: compatibility ideographs.
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
