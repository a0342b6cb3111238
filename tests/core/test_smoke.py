def test_home_answers(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "Efus partnership registry" in response.text
