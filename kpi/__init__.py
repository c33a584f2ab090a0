"""kpi — track the measures of 孤独・孤立対策重点計画: targets, yearly figures and attainment."""

__version__ = "0.1.0"
