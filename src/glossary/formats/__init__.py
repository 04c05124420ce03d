"""Format adapters: each reads a stream into the model and writes the model back."""
