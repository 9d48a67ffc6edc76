# Os comandos do curso. Em uma máquina nova só é preciso python3 (≥ 3.10) e make.
#   make curso      cria o ambiente (.venv), instala requirements.txt e abre o Jupyter Lab
#   make teste      cria o ambiente de desenvolvimento e roda todas as verificações e testes
#   make executar   executa todos os capítulos, em ordem, sem interface (MODO=rapido para o modo rápido;
#                   CAPITULOS="00 01" para escolher)
#   make saidas     executa em modo completo e grava as saídas nos notebooks (para o commit)
#   make infograficos  redesenha as figuras de todos os capítulos
#   make boletim    refaz a tabela "Boletim do curso" do README.md a partir das saídas gravadas nos notebooks
#   make benchmark  mede o nosso GPT e a nossa atenção contra as referências (transformers, PyTorch)
#   make limites    instala cada pacote de requirements.txt no limite inferior (.venv-limites) e executa tudo

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MODO ?= completo
CAPITULOS ?=

# Se existir um espelho offline dos dados ao lado do projeto (como no CI), os notebooks o usam.
ifneq ($(wildcard ../shared/dados),)
export CURSO_DADOS ?= $(abspath ../shared/dados)
export TIKTOKEN_CACHE_DIR ?= $(abspath ../shared/dados/tiktoken-cache)
endif

.PHONY: curso teste executar saidas infograficos boletim benchmark limites

$(BIN)/.curso: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade --quiet pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(BIN)/.dev: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade --quiet pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@ $(BIN)/.curso

# Como root (contêineres, algumas instalações do WSL) o Jupyter só abre com --allow-root.
curso: $(BIN)/.curso
	$(BIN)/jupyter lab --notebook-dir=. $(if $(filter 0,$(shell id -u)),--allow-root)

teste: $(BIN)/.dev
	$(BIN)/ruff check .
	$(BIN)/python ferramentas/blocos.py
	$(BIN)/python ferramentas/links.py
	$(BIN)/python -m pytest -n 2

executar: $(BIN)/.curso
	$(BIN)/python ferramentas/executar.py $(if $(filter rapido,$(MODO)),--rapido) $(CAPITULOS)

saidas: $(BIN)/.curso
	$(BIN)/python ferramentas/executar.py --salvar $(CAPITULOS)

infograficos: $(BIN)/.curso
	$(BIN)/python ferramentas/infograficos.py $(CAPITULOS)

boletim: $(BIN)/.dev
	$(BIN)/python ferramentas/boletim.py --escrever

benchmark: $(BIN)/.dev
	$(BIN)/python ferramentas/benchmark.py $(ARGS)

# Confere os limites inferiores de requirements.txt: num ambiente à parte, cada pacote na versão mínima
# (ferramentas/limites.py), e todos os notebooks no modo rápido. Baixa alguns GB (o torch antigo do PyPI
# vem com CUDA); não faz parte do `make teste`.
limites:
	rm -rf .venv-limites
	$(PYTHON) -m venv .venv-limites
	.venv-limites/bin/python -m pip install --upgrade --quiet pip
	$(PYTHON) ferramentas/limites.py > .venv-limites/limites.txt
	.venv-limites/bin/python -m pip install --quiet -r .venv-limites/limites.txt
	.venv-limites/bin/python -m pip list | grep -iE "^(torch|numpy|matplotlib|pandas|tiktoken|tqdm|safetensors|transformers|jupyter) "
	.venv-limites/bin/python ferramentas/executar.py --rapido $(CAPITULOS)
