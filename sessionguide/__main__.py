"""``python -m sessionguide``: see ``sessionguide/dev/cli.py``."""

import sys

from sessionguide.dev.cli import main

sys.exit(main())
