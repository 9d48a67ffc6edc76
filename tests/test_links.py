import links


def test_repository_links_point_to_the_configured_repo():
    assert links.main([]) == 0


def test_foreign_course_links_are_found_and_rewritten(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(
        "[a](https://colab.research.google.com/github/fulano/outro/blob/main/00-passo-zero/notebook.ipynb)\n"
        "![b](https://raw.githubusercontent.com/fulano/outro/main/01-o-que-e-um-llm/infograficos/x.png)\n"
        "[dados](https://raw.githubusercontent.com/edmar-bevilaqua/books/2d94/dom_casmurro.txt)\n",
        encoding="utf-8",
    )
    assert links.main(["--raiz", str(tmp_path)]) == 1
    assert links.main(["--raiz", str(tmp_path), "--escrever"]) == 0
    text = readme.read_text(encoding="utf-8")
    assert text.count(links.REPO) == 2
    assert "edmar-bevilaqua/books" in text  # links para outros repositórios não são tocados
    assert links.main(["--raiz", str(tmp_path)]) == 0
