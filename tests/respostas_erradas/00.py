"""Respostas erradas para as conferências dos exercícios do capítulo 00 (cada uma define `wrong`)."""

WRONG_ANSWERS = {
    1: [
        "wrong = grid[0]",  # valor errado (forma certa)
        "wrong = grid.sum(dim=1)",  # forma errada: soma das linhas
        "wrong = [12, 15, 18, 21]",  # tipo errado: lista em vez de tensor
    ],
    2: [
        "wrong = 12.0",  # valor errado
        "t = torch.tensor(2.0, requires_grad=True)\n(t**3 + 2 * t).backward()\nwrong = t.grad",  # tensor, sem .item()
        "wrong = 14",  # int em vez de float
    ],
    3: [
        "wrong = exact_w * 1000",  # esqueceu o intercepto (−8,3)
        "wrong = float(line(torch.tensor([[1000.0]])).item())",  # sem padronizar a entrada
        "wrong = torch.tensor([[5619.0]])",  # tensor em vez de número
    ],
    4: [
        "def wrong(lr):\n    raise ValueError('x')",  # função que sempre falha
        "def wrong(lr):\n    return loss_fn(nn.Linear(1, 1)(x_scaled), y_scaled).item()",  # não treina
        "def wrong(lr):\n    return torch.tensor(0.0017)",  # devolve tensor, não float
        "def wrong(lr):\n    return first_losses(words, chars, steps=100, lr=lr)[-1]",  # dados crus: explode
    ],
}
