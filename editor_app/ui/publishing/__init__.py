"""Publishing from the window: sites, the publish flow, conflicts, the outbox."""
