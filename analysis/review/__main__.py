import sys

from analysis.review.cli import main

sys.exit(main())
