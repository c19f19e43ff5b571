"""Publishing articles to sites (WordPress first): accounts, the client, the outbox, pulling."""
