import sys
from pathlib import Path

# Let tests import each other's fixtures builders (e.g. test_corpus.make_mixed_corpus).
sys.path.insert(0, str(Path(__file__).parent))
