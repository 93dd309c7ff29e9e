from datetime import timedelta

from django.db import migrations, models
from django.utils import timezone


def isi_kedaluwarsa(apps, schema_editor):
    # Tokens made before expiry existed get 90 days from now, not from their creation: an
    # integration is not cut off by the upgrade itself.
    TokenApi = apps.get_model("akun", "TokenApi")
    TokenApi._base_manager.filter(kedaluwarsa__isnull=True).update(
        kedaluwarsa=timezone.now() + timedelta(days=90)
    )


class Migration(migrations.Migration):
    dependencies = [("akun", "0004_pengguna_sso")]

    operations = [
        migrations.AddField(
            model_name="pengguna",
            name="wajib_ganti_sandi",
            field=models.BooleanField(default=False, verbose_name="wajib mengganti kata sandi"),
        ),
        migrations.AddField(
            model_name="tokenapi",
            name="kedaluwarsa",
            field=models.DateTimeField(null=True, verbose_name="kedaluwarsa"),
        ),
        migrations.RunPython(isi_kedaluwarsa, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="tokenapi",
            name="kedaluwarsa",
            field=models.DateTimeField(verbose_name="kedaluwarsa"),
        ),
    ]
