"""Text renderings of the core's results: tables, show, diff text, edit messages, labels."""
