import pytest

pytestmark = pytest.mark.django_db


def test_admin_login_locks_after_repeated_failures(client, django_user_model, settings):
    django_user_model.objects.create_superuser("director", "d@example.org", "correct horse battery")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/admin/login/", {"username": "director", "password": "guess"})
        assert response.status_code == 200
    locked = client.post("/admin/login/", {"username": "director", "password": "guess"})
    assert locked.status_code == 429
    assert "Sign-in locked" in locked.content.decode()
    # Even the right password is refused while locked.
    again = client.post(
        "/admin/login/", {"username": "director", "password": "correct horse battery"}
    )
    assert again.status_code == 429


def test_a_successful_login_still_works(client, django_user_model):
    django_user_model.objects.create_superuser("director", "d@example.org", "correct horse battery")
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "director", "password": "correct horse battery"}
    )
    assert response.status_code == 302
