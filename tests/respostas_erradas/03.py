"""Respostas erradas para as conferências dos exercícios do capítulo 03 (cada uma define `wrong`)."""

WRONG_ANSWERS = {
    1: [
        "wrong = all_weights[2]",  # a linha de "olhos", não a de "Capitu"
        "wrong = inputs[0] @ inputs.T",  # as pontuações, sem a softmax
        "wrong = all_weights[0].tolist()",  # tipo errado: lista
        "wrong = all_weights[:2]",  # forma errada
        "wrong = all_weights[0].double()",  # dtype errado
    ],
    2: [
        "def wrong(T):\n    return torch.tril(torch.ones(T, T, dtype=torch.bool))",  # invertida
        "def wrong(T):\n    return torch.triu(torch.ones(T, T, dtype=torch.bool))",  # inclui a diagonal
        "def wrong(num_tokens):\n    return torch.triu(torch.ones(num_tokens, num_tokens), diagonal=1)",  # 0 e 1
        "def wrong(num_tokens):\n    return torch.ones(num_tokens, num_tokens, dtype=torch.bool).triu(1)[:-1]",  # forma
        "wrong = torch.triu(torch.ones(5, 5, dtype=torch.bool), diagonal=1)",  # tensor, não função
        "def wrong(num_tokens):\n    raise ValueError('x')",  # função que sempre falha
    ],
    3: [
        "def wrong(attention):\n    return attention.W_query",  # só a consulta
        "def wrong(attention):\n    return nn.Linear(attention.W_query.in_features, 3 * attention.d_out)",  # sem cópia
        (  # ordem errada: chave, consulta, valor
            "def wrong(attention):\n"
            "    layers = (attention.W_key, attention.W_query, attention.W_value)\n"
            "    fused = nn.Linear(layers[0].in_features, 3 * attention.d_out)\n"
            "    with torch.no_grad():\n"
            "        fused.weight.copy_(torch.cat([layer.weight for layer in layers]))\n"
            "        fused.bias.copy_(torch.cat([layer.bias for layer in layers]))\n"
            "    return fused"
        ),
        (  # esqueceu os vieses
            "def wrong(attention):\n"
            "    layers = (attention.W_query, attention.W_key, attention.W_value)\n"
            "    fused = nn.Linear(layers[0].in_features, 3 * attention.d_out, bias=False)\n"
            "    with torch.no_grad():\n"
            "        fused.weight.copy_(torch.cat([layer.weight for layer in layers]))\n"
            "    return fused"
        ),
        "wrong = 3",  # tipo errado
        "def wrong(attention):\n    raise ValueError('x')",  # função que sempre falha
    ],
    4: [
        "wrong = 3 * (768 * 768 + 768)",  # esqueceu a out_proj
        "wrong = 4 * 768 * 768",  # esqueceu os vieses
        "wrong = '2362368'",  # tipo errado: texto
    ],
}
