def test_root_redirects_by_browser_language(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_dutch_home_page_renders_in_dutch(client, home):
    response = client.get("/nl/")
    assert response.status_code == 200
    assert b'lang="nl"' in response.content
