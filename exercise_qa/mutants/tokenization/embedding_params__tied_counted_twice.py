"""The embedding count doubles even when the input embedding and the LM head are tied."""


def embedding_params(vocab_size, d_model, tied):
    return 2 * vocab_size * d_model
