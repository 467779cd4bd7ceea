"""Use cases: Qt-free, own sessions and transactions; the window and the CLI call them."""
