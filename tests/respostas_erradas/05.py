"""Respostas erradas para as conferências dos exercícios do capítulo 05 (cada uma define `wrong`)."""

WRONG_ANSWERS = {
    1: [
        "wrong = 3.2 * 3000 / 10_000",  # esqueceu de converter nats em bits
        "wrong = 3.2 / math.log(2)",  # bits por token, não por caractere
        "wrong = 1",  # int em vez de float
    ],
    2: [
        "def wrong(logits, targets):\n    return torch.log(torch.softmax(logits, -1)).mean()",  # média de tudo
        "def wrong(logits, targets):\n"
        "    p = torch.softmax(logits, -1).gather(-1, targets.unsqueeze(-1))\n    return torch.log(p).mean()",  # sinal
        "def wrong(logits, targets):\n    return 2.3",  # devolve um float, não um tensor
        "def wrong(logits, targets):\n    raise ValueError('x')",  # função que sempre falha
        "wrong = 2.3",  # não é uma função
    ],
    3: [
        "def wrong(probs, top_p):\n    return int((torch.sort(probs, descending=True).values.cumsum(0) < top_p).sum())",
        "def wrong(probs, top_p):\n    return len(probs)",  # todos os tokens
        "def wrong(probs, top_p):\n    return torch.tensor(1)",  # tensor em vez de int
        "def wrong(probs, top_p):\n    raise ValueError('x')",  # função que sempre falha
    ],
}
