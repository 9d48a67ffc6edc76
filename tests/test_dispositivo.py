import blocos
import torch

device = blocos.load_blocks("00-passo-zero/notebook.ipynb", "escolher_dispositivo")


def test_forced_device_from_the_environment(monkeypatch):
    monkeypatch.setenv("CURSO_DISPOSITIVO", "cpu")
    assert device.choose_device() == torch.device("cpu")


def test_automatic_choice_prefers_cuda_then_mps_then_cpu(monkeypatch):
    monkeypatch.delenv("CURSO_DISPOSITIVO", raising=False)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert device.choose_device().type == "cuda"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: True)
    assert device.choose_device().type == ("mps" if torch.__version__ >= "2.4" else "cpu")
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: False)
    assert device.choose_device().type == "cpu"
