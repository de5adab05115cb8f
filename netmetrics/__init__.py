"""NetMetrics: measure what business networking is worth."""

__version__ = "0.1.0"
