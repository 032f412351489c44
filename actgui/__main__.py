import sys

from actgui.app import main

sys.exit(main())
