"""Respostas erradas para as conferências dos exercícios do capítulo 07 (cada uma define `wrong`)."""

WRONG_ANSWERS = {
    1: [
        "wrong = len(tokenizer.encode(train_entries[0]['output']))",  # esqueceu o <|endoftext|> que fecha
        "wrong = len(tokenizer.encode(format_input(train_entries[0]) + train_entries[0]['output'])) + 1",  # sem máscara
        "wrong = float(len(tokenizer.encode(train_entries[0]['output'])) + 1)",  # float em vez de int
    ],
    2: [
        "def wrong(text):\n    return text.split('### Resposta:')[-1]",  # sem strip e sem cortar no próximo ###
        "def wrong(text):\n    return text.split('### Resposta:', 1)[1].strip()",  # falha sem '### Resposta:'
        "def wrong(text):\n    return text.strip()",  # devolve o texto inteiro
        "wrong = '### Resposta:'",  # não é uma função
    ],
    3: [
        "def wrong(a, b):\n    return len(set(a) & set(b))",  # palavras em comum, sem ordem
        "def wrong(a, b):\n    return sum(x == y for x, y in zip(a, b))",  # só posições iguais
        "def wrong(a, b):\n    return float(len(a))",  # float e errado
        "def wrong(a, b):\n    raise ValueError('x')",  # função que sempre falha
    ],
}
