"""Respostas erradas para as conferências dos exercícios do capítulo 02 (cada uma define `wrong`)."""
WRONG_ANSWERS = {
    1: [
        "def wrong(words):\n    return [list(word) for word in words]",  # não junta nada
        "def wrong(words):\n    return words[0]",  # tipo errado: uma palavra só, não a lista de palavras
        "def wrong(words):\n    raise ValueError('x')",  # função que sempre falha
        "wrong = 3",  # não é uma função
        # conta também os pares entre o fim de uma palavra e o começo da seguinte (o enunciado proíbe)
        "from collections import Counter\n"
        "def wrong(words):\n"
        "    flat = [symbol for word in words for symbol in word]\n"
        "    pairs = Counter(zip(flat, flat[1:]))\n"
        "    best = max(pairs, key=pairs.get)\n"
        "    return [merge_pair(word, best, best[0] + best[1]) for word in words]",
    ],
    2: ["wrong = 6", "wrong = '7'", "wrong = 7.0"],  # valor errado; texto em vez de int; float em vez de int
    3: ["wrong = 19", "wrong = 18.0"],  # esquece o token do alvo; float em vez de int
    4: [
        "def wrong(weight, ids):\n    return weight[: len(ids)]",  # as primeiras linhas, não as dos ids
        "def wrong(weight, ids):\n    return weight[ids].tolist()",  # lista em vez de tensor
        "def wrong(weight, ids):\n    return weight[ids].T",  # forma trocada
        "def wrong(weight, ids):\n    raise ValueError('x')",  # função que sempre falha
    ],
}
