"""Respostas erradas para as conferências dos exercícios do capítulo 08 (cada uma define `wrong`)."""

WRONG_ANSWERS = {
    1: [
        "wrong = 768 * 3072",  # a camada inteira, não o LoRA
        "wrong = 16 * 768",  # só a matriz A
        "wrong = 16.0 * (768 + 3072)",  # float em vez de int
    ],
    2: [
        "def wrong(n_layers, n_kv_heads, head_dim, n_tokens, bytes_per_number=2):\n"
        "    return n_layers * n_kv_heads * head_dim * n_tokens * bytes_per_number",  # esqueceu os valores
        "def wrong(n_layers, n_kv_heads, head_dim, n_tokens, bytes_per_number=2):\n"
        "    return 2 * n_layers * n_kv_heads * head_dim * n_tokens",  # esqueceu os bytes
        "def wrong(*args):\n    raise ValueError('x')",  # função que sempre falha
        "wrong = 1024",  # não é uma função
    ],
    3: [
        "def wrong(x, scale, eps=1e-6):\n    return scale * (x - x.mean(-1, keepdim=True)) / x.std(-1, keepdim=True)",
        # sem a escala:
        "def wrong(x, scale, eps=1e-6):\n    return x / torch.sqrt(x.pow(2).mean(-1, keepdim=True) + eps)",
        "def wrong(x, scale, eps=1e-6):\n    return (scale * x).sum().item()",  # um número, não um tensor
    ],
}
