"""Respostas erradas para as conferências dos exercícios do capítulo 06 (cada uma define `wrong`)."""

WRONG_ANSWERS = {
    1: [
        "wrong = 0.5",  # a acurácia depois de equilibrar, não antes
        "wrong = (messages['label'] == 1).mean().item()",  # a fração de spam
        "wrong = 1",  # int em vez de float
    ],
    2: [
        "def wrong(model):\n    return make_classifier(model, 2, 'last_block')",  # só o último bloco
        "def wrong(model):\n    return make_classifier(model, 2, 'all')",  # tudo treinável
        "def wrong(model):\n    model = make_classifier(model, 2, 'last_block')\n"
        "    for p in model.trf_blocks[-2].parameters():\n        p.requires_grad = True",  # esqueceu o return
        "def wrong(model):\n    raise ValueError('x')",  # função que sempre falha
        "wrong = 'trf_blocks[-2:]'",  # não é uma função
    ],
    3: [
        "def wrong(c):\n    return (c[1, 1] / (c[1, 1] + c[0, 1])).item()",  # a precisão, não o F1
        "def wrong(c):\n    return (c[0, 0] + c[1, 1]).item() / c.sum().item()",  # a acurácia
        "def wrong(c):\n    tp, fp, fn = c[1, 1], c[0, 1], c[1, 0]\n    return 2 * tp / (2 * tp + fp + fn)",  # tensor
        "def wrong(c):\n    raise ValueError('x')",  # função que sempre falha
    ],
}
