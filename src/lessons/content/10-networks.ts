import { all, anyRunning, hostReachedContainer, hostRequestFailed, not, onUserNetwork, portPublished, runningFrom, trafficFailed, trafficOk } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/**
 * Lesson 10: networks: one service per container (an app and its database) on a user-defined
 * bridge, reaching each other by name through the embedded DNS (moby libnetwork resolver.go);
 * one published port (`-p HOST:CONTAINER`, docker-proxy) for the outside; and the default bridge,
 * which has no names.
 */
export const networks: Lesson = {
  id: 'networks',
  order: 10,
  title: { en: 'Networks and published ports', 'pt-BR': 'Redes e portas publicadas' },
  intro: {
    en: 'One service per container: a web server in one, its database in another, each replaceable on its own. Each container has its own network namespace, plugged into a Linux bridge on the host by a veth pair. On a network you create, Docker runs a small DNS server (127.0.0.11) so containers find each other by name; the default bridge has no such DNS. And nothing outside the host reaches a container unless you publish one of its ports. Follow along in the Network view.',
    'pt-BR': 'Um serviço por contêiner: um servidor web num, o banco de dados dele em outro, cada um substituível por conta própria. Cada contêiner tem seu próprio namespace de rede, ligado a uma bridge Linux no host por um par veth. Numa rede que você cria, o Docker roda um pequeno servidor DNS (127.0.0.11) para os contêineres se acharem pelo nome; a bridge padrão não tem esse DNS. E nada de fora do host alcança um contêiner se você não publicar uma porta dele. Acompanhe pela aba Rede.',
  },
  steps: [
    {
      run: 'docker network create appnet',
      say: { en: 'Create a user-defined bridge network: a new Linux bridge (br-…) with its own subnet.', 'pt-BR': 'Crie uma rede bridge definida pelo usuário: uma bridge Linux nova (br-…) com sub-rede própria.' },
    },
    {
      run: 'docker run -d --name db --network appnet redis',
      say: {
        en: 'The database: redis, named db, on appnet. No -p: only containers on appnet need it.',
        'pt-BR': 'O banco de dados: redis, com o nome db, na appnet. Sem -p: só os contêineres da appnet precisam dele.',
      },
    },
    {
      run: 'docker run --rm --network appnet alpine nslookup db',
      say: {
        en: 'Ask the embedded DNS from another container: the server is 127.0.0.11 and db resolves to its IP on appnet.',
        'pt-BR': 'Pergunte ao DNS embutido a partir de outro contêiner: o servidor é o 127.0.0.11 e db resolve para o IP dele na appnet.',
      },
    },
    {
      run: 'docker run --rm --network appnet redis redis-cli -h db incr visits',
      say: {
        en: 'A client in its own container talks to the database by name, as an app would: the counter goes up (run it again).',
        'pt-BR': 'Um cliente, no seu próprio contêiner, fala com o banco pelo nome, como uma aplicação faria: o contador sobe (rode de novo).',
      },
    },
    {
      run: 'docker run -d --name web --network appnet -p 8080:80 nginx',
      say: {
        en: 'The web server, on appnet too, with one published port: the host’s 8080 forwards to the container’s 80. The first number is the host’s, the second the container’s.',
        'pt-BR': 'O servidor web, também na appnet, com uma porta publicada: a 8080 do host encaminha para a 80 do contêiner. O primeiro número é do host, o segundo é do contêiner.',
      },
    },
    {
      run: 'docker port web',
      say: { en: 'web’s mapping, for IPv4 and IPv6. docker port db prints nothing: the database is not reachable from outside.', 'pt-BR': 'O mapeamento do web, para IPv4 e IPv6. O docker port db não mostra nada: o banco não é alcançável de fora.' },
    },
    {
      run: 'curl -s localhost:8080',
      say: {
        en: 'From the host, port 8080 answers with nginx’s page, forwarded by NAT rules and a docker-proxy process. Watch the packet in the Network view.',
        'pt-BR': 'No host, a porta 8080 responde com a página do nginx, encaminhada por regras de NAT e por um processo docker-proxy. Veja o pacote na aba Rede.',
      },
    },
    {
      run: 'docker run -d --name lone nginx',
      say: { en: 'Now start a container without --network: it lands on the default bridge (docker0).', 'pt-BR': 'Agora suba um contêiner sem --network: ele cai na bridge padrão (docker0).' },
    },
    {
      run: 'docker run --rm alpine ping -c 1 lone',
      say: {
        en: 'From the default bridge, the name does not resolve (“bad address”): the default bridge has no embedded DNS. Only IP addresses work there.',
        'pt-BR': 'Na bridge padrão o nome não resolve (“bad address”): a bridge padrão não tem DNS embutido. Lá só funciona endereço IP.',
      },
    },
  ],
  goals: [
    {
      id: 'user-network',
      text: { en: 'A container runs on a network you created', 'pt-BR': 'Um contêiner roda numa rede criada por você' },
      met: onUserNetwork,
    },
    {
      id: 'dns',
      text: { en: 'The embedded DNS answered a container name', 'pt-BR': 'O DNS embutido respondeu o nome de um contêiner' },
      met: trafficOk('dns'),
    },
    {
      id: 'published',
      text: { en: 'A running container has a published port', 'pt-BR': 'Um contêiner rodando tem uma porta publicada' },
      met: portPublished,
    },
    {
      id: 'reached',
      text: { en: 'A request from the host reached a container through it', 'pt-BR': 'Um pedido feito no host chegou a um contêiner por ela' },
      met: hostReachedContainer,
    },
  ],
  hints: [
    {
      id: 'default-bridge-only',
      when: all(anyRunning, not(onUserNetwork)),
      text: {
        en: 'Your containers are on the default bridge, where names do not resolve. Create a network (docker network create appnet) and start them with --network appnet.',
        'pt-BR': 'Seus contêineres estão na bridge padrão, onde nome não resolve. Crie uma rede (docker network create appnet) e suba eles com --network appnet.',
      },
    },
    {
      id: 'name-not-found',
      when: all(trafficFailed('dns'), not(trafficOk('dns'))),
      text: {
        en: 'The name did not resolve. The DNS knows containers by their --name, and only those on the same network as the one asking.',
        'pt-BR': 'O nome não resolveu. O DNS conhece os contêineres pelo --name, e só os que estão na mesma rede de quem pergunta.',
      },
    },
    {
      id: 'not-published',
      when: all(runningFrom('nginx'), not(portPublished)),
      text: {
        en: 'nginx is running but no port is published, so the host cannot reach it on localhost. Start it with -p 8080:80 (docker rm -f web first).',
        'pt-BR': 'O nginx está rodando, mas nenhuma porta foi publicada, então o host não alcança ele pelo localhost. Suba com -p 8080:80 (antes, docker rm -f web).',
      },
    },
    {
      id: 'refused',
      when: all(hostRequestFailed, not(hostReachedContainer)),
      text: {
        en: 'Nothing answered. Check the host port you asked for, and that the second number of -p is the port the program listens on (80 for nginx).',
        'pt-BR': 'Ninguém respondeu. Confira a porta do host que você chamou, e se o segundo número do -p é a porta em que o programa escuta (80 no nginx).',
      },
    },
  ],
  quiz: [
    {
      id: 'which',
      question: { en: 'In -p 8080:80, which number is the host’s port?', 'pt-BR': 'Em -p 8080:80, qual número é a porta do host?' },
      choices: [
        { en: '8080', 'pt-BR': '8080' },
        { en: '80', 'pt-BR': '80' },
        { en: 'Both: they must be equal', 'pt-BR': 'Os dois: eles precisam ser iguais' },
      ],
      answer: 0,
      explain: { en: 'HOST:CONTAINER; docker port web showed 80/tcp -> 0.0.0.0:8080.', 'pt-BR': 'HOST:CONTÊINER; o docker port web mostrou 80/tcp -> 0.0.0.0:8080.' },
    },
    {
      id: 'who-answers',
      question: { en: 'On a user-defined network, who answers a container’s DNS queries for other containers?', 'pt-BR': 'Numa rede definida pelo usuário, quem responde às consultas DNS de um contêiner sobre os outros?' },
      choices: [
        { en: 'The host’s /etc/hosts', 'pt-BR': 'O /etc/hosts do host' },
        { en: 'Docker’s embedded DNS server at 127.0.0.11', 'pt-BR': 'O servidor DNS embutido do Docker, em 127.0.0.11' },
        { en: 'A public DNS server', 'pt-BR': 'Um servidor DNS público' },
      ],
      answer: 1,
      explain: { en: 'nslookup showed Server: 127.0.0.11, run by dockerd for that network.', 'pt-BR': 'O nslookup mostrou Server: 127.0.0.11, mantido pelo dockerd para aquela rede.' },
    },
    {
      id: 'db-private',
      question: { en: 'web reaches db by name, yet db has no -p. Why is that fine?', 'pt-BR': 'O web alcança o db pelo nome, mas o db não tem -p. Por que isso está certo?' },
      choices: [
        { en: '-p is only for the host and the outside; containers on the same network reach each other directly', 'pt-BR': 'O -p é só para o host e o mundo lá fora; contêineres na mesma rede se alcançam diretamente' },
        { en: 'redis publishes its port by itself', 'pt-BR': 'O redis publica a porta sozinho' },
        { en: 'It is not: the app cannot reach the database', 'pt-BR': 'Não está: a aplicação não alcança o banco' },
      ],
      answer: 0,
      explain: {
        en: 'redis-cli -h db worked from appnet, while docker port db was empty: the database stays private.',
        'pt-BR': 'O redis-cli -h db funcionou a partir da appnet, enquanto o docker port db veio vazio: o banco fica privado.',
      },
    },
  ],
  solution: [
    'docker network create appnet',
    'docker run -d --name db --network appnet redis',
    'docker run --rm --network appnet alpine nslookup db',
    'docker run --rm --network appnet redis redis-cli -h db incr visits',
    'docker run -d --name web --network appnet -p 8080:80 nginx',
    'docker port web',
    'curl -s localhost:8080',
    'docker run -d --name lone nginx',
    'docker run --rm alpine ping -c 1 lone',
  ],
};
