app_name = "penyederhanaan"

urlpatterns: list = []
