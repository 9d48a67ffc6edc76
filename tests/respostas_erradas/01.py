"""Respostas erradas para as conferências dos exercícios do capítulo 01 (cada uma define `wrong`)."""
WRONG_ANSWERS = {
    1: [
        'wrong = probs[word_to_id["é"], word_to_id["não"]].item()',  # linha e coluna trocadas
        'wrong = counts[word_to_id["não"], word_to_id["é"]].item()',  # contagem, não probabilidade
        'wrong = probs[word_to_id["não"], word_to_id["é"]]',  # tensor em vez de float
    ],
    2: [
        "wrong = math.log(50_257)",  # a NLL, não a perplexidade
        'wrong = "50257"',  # texto em vez de número
    ],
    3: [
        "def wrong(logits, temperature):\n    raise ValueError('x')",  # sempre recusa, até temperaturas válidas
        "def wrong(logits, temperature):\n    return torch.softmax(logits / temperature, dim=-1)",  # não recusa T ≤ 0
        "def wrong(logits, temperature):\n    if temperature <= 0:\n        raise ValueError('x')\n"
        "    return torch.softmax(logits * temperature, dim=-1)",  # multiplica em vez de dividir
        "def wrong(logits, temperature):\n    if temperature <= 0:\n        raise TypeError('x')\n"
        "    return torch.softmax(logits / temperature, dim=-1)",  # erro de outro tipo
        "wrong = 3",  # não é uma função
    ],
    4: [
        # escolhida pela NLL no treino (a rede sem penalidade sempre ganha ali), não na validação
        "wrong = min(PENALTIES, key=lambda p: evaluate(train_bigram(p)[0], train_ids))",
        "wrong = max(PENALTIES)",
        'wrong = "0.01"',  # texto em vez de número
    ],
}
