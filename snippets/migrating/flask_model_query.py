import warnings

from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, Query, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class User(db.Model):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db.init_app(app)

with app.app_context():
    db.create_all()
    db.session.add_all([User(name="ana"), User(name="bea")])
    db.session.commit()
    db.engine.echo = True

    print(f"{type(User.query)=}")
    #> type(User.query)=<class 'flask_sqlalchemy.query.Query'>
    print(f"{isinstance(User.query, Query)=} {User.query.session is db.session()=}")
    #> isinstance(User.query, Query)=True User.query.session is db.session()=True
    legacy = User.query.filter_by(name="bea").all()
    modern = db.session.execute(db.select(User).filter_by(name="bea")).scalars().all()
    print(f"{[user.name for user in modern]=} {legacy[0] is modern[0]=}")
    #> [user.name for user in modern]=['bea'] legacy[0] is modern[0]=True

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        legacy_user = User.query.get_or_404(1)
    print(f"{[warning.category.__name__ for warning in caught]=}")
    #> [warning.category.__name__ for warning in caught]=['LegacyAPIWarning']
    print(f"{db.get_or_404(User, 1) is legacy_user=}")
    #> db.get_or_404(User, 1) is legacy_user=True
