"""smallboats: the public record of small-boat crossings of the English Channel."""

__version__ = "0.1.0"
