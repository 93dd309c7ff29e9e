app_name = "sistemkerja"

urlpatterns: list = []
