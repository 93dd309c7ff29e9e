"""Login lockouts into the audit trail.

axes records every failed attempt in its own tables (`AccessAttempt`, `AccessFailureLog`, seen in
the Django admin). A lockout is also written to the audit trail of each agency the account
belongs to, so that agency's admin sees it. The trail is kept per agency (`JejakAudit` requires
one): a username that is no account, or an account without any agency (an installation
superuser), is logged at WARNING on the `ramping.akun` logger instead.
"""

import logging

from axes.signals import user_locked_out
from django.conf import settings
from django.dispatch import receiver

from ramping.akun.models import Pengguna

log = logging.getLogger("ramping.akun")


@receiver(user_locked_out, dispatch_uid="ramping_akun_terkunci")
def catat_terkunci(sender, request=None, username=None, ip_address=None, **kwargs):
    from ramping.akun.services import catat_untuk_akun

    # axes signals again on every attempt during the lockout; record the lockout itself once.
    gagal = getattr(request, "axes_failures_since_start", None)
    if gagal is not None and gagal != settings.AXES_FAILURE_LIMIT:
        return
    pengguna = Pengguna.objects.filter(username=username).first() if username else None
    menit = settings.RAMPING_LOGIN_KUNCI_MENIT
    ditulis = 0
    if pengguna is not None:
        ditulis = catat_untuk_akun(
            pengguna=pengguna,
            pelaku=None,
            aksi="login_terkunci",
            ringkasan=f"Login {username} dikunci {menit} menit setelah "
            f"{settings.AXES_FAILURE_LIMIT} kali gagal dari {ip_address}",
            perubahan={"ip": ip_address, "gagal": settings.AXES_FAILURE_LIMIT},
        )
    if not ditulis:
        log.warning("Login %r dikunci %s menit (alamat %s)", username, menit, ip_address)
